{#
    implementation_success_rate (percent): of the implementations of won
    cross_sell opportunities that ended in the period as succeeded or
    failed, the share that succeeded.
    Breakdowns: overall, product, sales_rep (the opportunity's owner).
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

breakdowns as (
    select
        grain,
        period_start,
        implementation_status,
        'overall' as dimension,
        'all' as dimension_value
    from ended_in_periods
    union all
    select
        grain,
        period_start,
        implementation_status,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from ended_in_periods
    union all
    select
        grain,
        period_start,
        implementation_status,
        'sales_rep' as dimension,
        coalesce(
            cast(owner_rep_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from ended_in_periods
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(
            case when implementation_status = 'succeeded' then 1 else 0 end
        ) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
