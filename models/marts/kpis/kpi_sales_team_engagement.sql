{#
    sales_team_engagement (percent): reps with role sales employed during
    [s, e) (hired_at < e, left_at null or >= s) that own a cross_sell
    opportunity created in [s, e) / those reps.
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

rep_periods as (
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

engaged_reps as (
    select distinct
        rep_periods.grain,
        rep_periods.period_start,
        rep_periods.rep_id
    from rep_periods
    inner join opportunities
        on
            rep_periods.rep_id = opportunities.owner_rep_id
            and {{ in_period('opportunities.created_at', 'rep_periods') }}
    where opportunities.is_cross_sell_opportunity
),

reps_flagged as (
    select
        rep_periods.*,
        engaged_reps.rep_id is not null as is_engaged
    from rep_periods
    left join engaged_reps
        on
            rep_periods.grain = engaged_reps.grain
            and rep_periods.period_start = engaged_reps.period_start
            and rep_periods.rep_id = engaged_reps.rep_id
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'reps_flagged',
        [['overall', "'all'"], ['team', 'team']],
        'sum(case when is_engaged then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'sales_team_engagement', 'operational', 'percent', 'rate'
) }}

select * from final
