{#
    cross_sell_conversion_rate (percent): cross_sell opportunities won with
    closed_at in [s, e) / cross_sell opportunities closed in [s, e).
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

closed_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        opportunities.owner_rep_id,
        opportunities.product_id,
        opportunities.campaign_id,
        opportunities.is_won,
        accounts_first_purchased.segment
    from opportunities
    inner join calendar_periods
        on {{ in_period('opportunities.closed_at') }}
    inner join accounts_first_purchased
        on opportunities.account_id = accounts_first_purchased.account_id
    where opportunities.is_cross_sell_opportunity and opportunities.is_closed
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
