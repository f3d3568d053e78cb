{#
    One row per day, for the semantic layer (MetricFlow's time spine: it
    joins metrics to days when a query needs every period, e.g. with
    fill_nulls_with). Fixed bounds, wide enough for any CRM extract; the
    KPIs themselves use int_calendar_periods.
#}
with

days as (
    {{ dbt.date_spine(
        'day',
        "cast('1990-01-01' as date)",
        "cast('2051-01-01' as date)",
    ) }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
