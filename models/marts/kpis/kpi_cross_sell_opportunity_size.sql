{#
    cross_sell_opportunity_size (usd): average amount, in USD, of cross_sell
    opportunities won with closed_at in [s, e). Deals without an amount are
    not averaged.
#}
with

opportunities_closed as (
    select * from {{ ref('int_opportunities_closed_in_periods') }}
),

won_in_periods as (
    select * from opportunities_closed
    where is_cross_sell_opportunity and is_won
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'won_in_periods',
        [
            ['overall', "'all'"],
            ['sales_rep', 'owner_rep_id'],
            ['segment', 'segment'],
            ['product', 'product_id'],
        ],
        'coalesce(sum(amount_usd), 0)',
        'count(amount_usd)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'cross_sell_opportunity_size', 'sales_performance',
    'usd', 'ratio'
) }}

select * from final
