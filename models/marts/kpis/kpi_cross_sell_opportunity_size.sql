{#
    cross_sell_opportunity_size (usd): average amount, in USD, of cross_sell
    opportunities won with closed_at in [s, e). Deals without an amount are
    not averaged.
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

won_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        opportunities.owner_rep_id,
        opportunities.product_id,
        opportunities.amount_usd,
        accounts_first_purchased.segment
    from opportunities
    inner join calendar_periods
        on {{ in_period('opportunities.closed_at') }}
    inner join accounts_first_purchased
        on opportunities.account_id = accounts_first_purchased.account_id
    where opportunities.is_cross_sell_opportunity and opportunities.is_won
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
