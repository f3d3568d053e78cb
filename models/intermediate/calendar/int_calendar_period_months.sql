{#
    Which month, quarter and year period each calendar month belongs to:
    one row per (month_start, grain). Monthly facts reach their periods
    through this equality join instead of a range join on every row.
#}
with

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
),

months as (
    select period_start as month_start
    from calendar_periods
    where grain = 'month'
),

periods as (
    select * from calendar_periods
    where grain in ('month', 'quarter', 'year')
),

final as (
    select
        -- strings
        periods.grain,
        -- dates
        months.month_start,
        periods.period_start,
        periods.period_end
    from months
    inner join periods
        on
            months.month_start >= periods.period_start
            and months.month_start < periods.period_end
)

select * from final
