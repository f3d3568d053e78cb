{#
    interaction_cross_sell_rate (percent): of the interactions in the
    period, the share whose opportunity is a won cross_sell opportunity
    (by its current stage, whenever it closed). Interactions without an
    opportunity count in the denominator only.
    Breakdowns: overall, sales_rep (the interaction's rep), channel,
    interaction_type.
#}
with

interactions as (
    select * from {{ ref('int_interactions_resolved') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

interactions_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        interactions.rep_id,
        interactions.channel,
        interactions.interaction_type,
        coalesce(
            opportunities.is_cross_sell_opportunity and opportunities.is_won,
            false
        ) as is_won_cross_sell
    from interactions
    inner join calendar_periods
        on {{ in_period('interactions.occurred_at') }}
    left join opportunities
        on interactions.opportunity_id = opportunities.opportunity_id
),

breakdowns as (
    select
        grain,
        period_start,
        is_won_cross_sell,
        'overall' as dimension,
        'all' as dimension_value
    from interactions_in_periods
    union all
    select
        grain,
        period_start,
        is_won_cross_sell,
        'sales_rep' as dimension,
        coalesce(
            cast(rep_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from interactions_in_periods
    union all
    select
        grain,
        period_start,
        is_won_cross_sell,
        'channel' as dimension,
        coalesce(
            cast(channel as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from interactions_in_periods
    union all
    select
        grain,
        period_start,
        is_won_cross_sell,
        'interaction_type' as dimension,
        coalesce(
            cast(interaction_type as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from interactions_in_periods
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_won_cross_sell then 1 else 0 end) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
