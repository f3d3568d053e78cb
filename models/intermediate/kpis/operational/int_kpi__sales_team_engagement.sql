{#
    sales_team_engagement (percent): of the reps with role sales employed
    during the period (hired before its end, not left before its start),
    the share that own a cross_sell opportunity created in the period.
    Breakdowns: overall, team.
#}
with

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

employed_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        calendar_periods.period_start_at,
        calendar_periods.period_end_at,
        sales_reps.rep_id,
        sales_reps.team
    from sales_reps
    inner join calendar_periods
        on
            sales_reps.hired_at < calendar_periods.period_end_at
            and (
                sales_reps.left_at is null
                or sales_reps.left_at >= calendar_periods.period_start_at
            )
    where sales_reps.rep_role = 'sales'
),

engaged_in_periods as (
    select distinct
        employed_in_periods.grain,
        employed_in_periods.period_start,
        employed_in_periods.rep_id
    from employed_in_periods
    inner join opportunities
        on
            employed_in_periods.rep_id = opportunities.owner_rep_id
            and {{ in_period(
                'opportunities.created_at', 'employed_in_periods'
            ) }}
    where opportunities.is_cross_sell_opportunity
),

reps_flagged as (
    select
        employed_in_periods.grain,
        employed_in_periods.period_start,
        employed_in_periods.team,
        engaged_in_periods.rep_id is not null as is_engaged
    from employed_in_periods
    left join engaged_in_periods
        on
            employed_in_periods.grain = engaged_in_periods.grain
            and employed_in_periods.period_start
            = engaged_in_periods.period_start
            and employed_in_periods.rep_id = engaged_in_periods.rep_id
),

breakdowns as (
    select
        grain,
        period_start,
        is_engaged,
        'overall' as dimension,
        'all' as dimension_value
    from reps_flagged
    union all
    select
        grain,
        period_start,
        is_engaged,
        'team' as dimension,
        coalesce(
            cast(team as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from reps_flagged
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_engaged then 1 else 0 end) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
