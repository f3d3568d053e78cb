{#
    implementation_success_rate (percent): implementations of won
    cross_sell opportunities that succeeded with ended_at in [s, e) / those
    that succeeded or failed with ended_at in [s, e).
#}
with

implementations as (
    select * from {{ ref('int_implementations_resolved') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

ended_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        implementations.implementation_status,
        opportunities.product_id,
        opportunities.owner_rep_id
    from implementations
    inner join opportunities
        on implementations.opportunity_id = opportunities.opportunity_id
    inner join calendar_periods
        on {{ in_period('implementations.ended_at') }}
    where
        opportunities.is_cross_sell_opportunity
        and opportunities.is_won
        and implementations.implementation_status in ('succeeded', 'failed')
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'ended_in_periods',
        [
            ['overall', "'all'"],
            ['product', 'product_id'],
            ['sales_rep', 'owner_rep_id'],
        ],
        "sum(case when implementation_status = 'succeeded' then 1 else 0 end)",
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'implementation_success_rate', 'operational', 'percent',
    'rate'
) }}

select * from final
