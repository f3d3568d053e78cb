{# The KPI calendar: one row per grain and period. #}
with

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
),

final as (
    select
        -- strings
        grain,
        -- booleans
        is_complete_period,
        is_fully_covered,
        -- dates
        period_start,
        period_end,
        previous_period_start,
        as_of_date,
        first_data_date
    from calendar_periods
)

select * from final
