{#
    cross_sell_conversion_rate (percent): cross_sell opportunities won with
    closed_at in [s, e) / cross_sell opportunities closed in [s, e).
#}
with

opportunities_closed as (
    select * from {{ ref('int_opportunities_closed_in_periods') }}
),

closed_in_periods as (
    select * from opportunities_closed
    where is_cross_sell_opportunity
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'closed_in_periods',
        [
            ['overall', "'all'"],
            ['sales_rep', 'owner_rep_id'],
            ['segment', 'segment'],
            ['product', 'product_id'],
            ['campaign', 'campaign_id'],
        ],
        'sum(case when is_won then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'cross_sell_conversion_rate', 'sales_performance',
    'percent', 'rate'
) }}

select * from final
