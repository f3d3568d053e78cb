{#
    Every KPI that has rows has an overall row for every month, quarter and
    year of the calendar (spec: overall rows exist for every period; they
    are optional only for product_mix_ratio and campaign_cross_sell_rate).
#}
with

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain in ('month', 'quarter', 'year')
),

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

kpis as (
    select distinct kpi_id
    from kpi_scorecard
    where kpi_id not in ('product_mix_ratio', 'campaign_cross_sell_rate')
),

expected as (
    select
        kpis.kpi_id,
        calendar_periods.grain,
        calendar_periods.period_start
    from kpis
    cross join calendar_periods
),

overall_rows as (
    select
        kpi_id,
        grain,
        period_start
    from kpi_scorecard
    where dimension = 'overall'
),

missing as (
    select expected.*
    from expected
    left join overall_rows
        on
            expected.kpi_id = overall_rows.kpi_id
            and expected.grain = overall_rows.grain
            and expected.period_start = overall_rows.period_start
    where overall_rows.kpi_id is null
)

select * from missing
