{#
    Which month, quarter and year period each calendar month belongs to:
    one row per (month_start, grain). Monthly facts reach their periods
    through this equality join instead of a range join on every row.

    Every month of every period is listed, also the months of the last
    quarter and year that come after as_of_date: as_of_date decides which
    periods exist, and a period counts all rows dated inside it.
#}
with

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
),

periods as (
    select * from calendar_periods
    where grain in ('month', 'quarter', 'year')
),

month_offsets as (
    {{ dbt.generate_series(12) }}
),

period_months as (
    select
        periods.grain,
        periods.period_start,
        periods.period_end,
        cast(
            {{ dbt.dateadd(
                'month', 'month_offsets.generated_number - 1',
                'periods.period_start'
            ) }} as date
        ) as month_start
    from periods
    cross join month_offsets
),

final as (
    select
        -- strings
        grain,
        -- dates
        month_start,
        period_start,
        period_end
    from period_months
    where month_start < period_end
)

select * from final
