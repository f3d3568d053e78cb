{#
    cross_sell_qualified_opportunities (count): the cross_sell
    opportunities whose qualified_at falls in the period. A count, so the
    denominator is null.
    Breakdowns: overall, sales_rep (the opportunity's owner), product,
    campaign (unknown when the opportunity has none).
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

qualified_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        opportunities.owner_rep_id,
        opportunities.product_id,
        opportunities.campaign_id
    from opportunities
    inner join calendar_periods
        on {{ in_period('opportunities.qualified_at') }}
    where opportunities.is_cross_sell_opportunity
),

breakdowns as (
    select
        grain,
        period_start,
        'overall' as dimension,
        'all' as dimension_value
    from qualified_in_periods
    union all
    select
        grain,
        period_start,
        'sales_rep' as dimension,
        coalesce(
            cast(owner_rep_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from qualified_in_periods
    union all
    select
        grain,
        period_start,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from qualified_in_periods
    union all
    select
        grain,
        period_start,
        'campaign' as dimension,
        coalesce(
            cast(campaign_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from qualified_in_periods
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
