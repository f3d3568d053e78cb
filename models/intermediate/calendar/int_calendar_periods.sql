{#
    The KPI calendar: one row per (grain, period). Months, quarters and years
    run from the period containing the earliest first purchase through the
    period containing as_of_date; all_time is one period from the first day
    of that first month to the day after as_of_date.

    as_of_date is the var `as_of_date` when set, else the latest activity
    date in the data (orders of any status, opportunities created or closed,
    interactions, survey responses). first_data_date is the earliest of the
    same activity dates: where the extract begins.

    as_of_date only decides which periods exist and whether they are
    complete; a period's KPIs count every loaded row dated inside it, also
    rows after as_of_date in the last, incomplete period.

    is_fully_covered: the data covers the whole period - it starts on or
    after first_data_date and its last day is on or before as_of_date. The
    first month, quarter and year start before the data when the extract
    begins mid-period. all_time is the lifetime of the data and always
    counts as fully covered.
#}
with

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

orders as (
    select * from {{ ref('int_orders_resolved') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_resolved') }}
),

interactions as (
    select * from {{ ref('int_interactions_resolved') }}
),

survey_responses as (
    select * from {{ ref('int_survey_responses_resolved') }}
),

activity_dates as (
    select cast(ordered_at as date) as activity_date from orders
    union all
    select cast(created_at as date) as activity_date from opportunities
    union all
    select cast(closed_at as date) as activity_date from opportunities
    union all
    select cast(occurred_at as date) as activity_date from interactions
    union all
    select cast(responded_at as date) as activity_date from survey_responses
),

activity_bounds as (
    select
        min(activity_date) as first_data_date,
        max(activity_date) as latest_activity_date
    from activity_dates
),

first_purchase as (
    select
        cast(
            {{ dbt.date_trunc('month', 'min(first_purchase_at)') }} as date
        ) as first_month_start
    from accounts_first_purchased
),

bounds as (
    select
        first_purchase.first_month_start,
        {% if var('as_of_date') -%}
        cast('{{ var("as_of_date") }}' as date)
        {%- else -%}
        activity_bounds.latest_activity_date
        {%- endif %} as as_of_date,
        activity_bounds.first_data_date
    from first_purchase
    cross join activity_bounds
),

month_numbers as (
    {{ dbt.generate_series(var('calendar_max_months')) }}
),

months as (
    select
        cast(
            {{ dbt.dateadd(
                'month', 'month_numbers.generated_number - 1',
                'bounds.first_month_start'
            ) }} as date
        ) as month_start,
        bounds.as_of_date
    from month_numbers
    cross join bounds
),

months_in_range as (
    select * from months
    where month_start <= as_of_date
),

periods as (
    select distinct
        'month' as grain,
        month_start as period_start,
        cast(
            {{ dbt.dateadd('month', 1, 'month_start') }} as date
        ) as period_end
    from months_in_range
    union all
    select distinct
        'quarter' as grain,
        cast({{ dbt.date_trunc('quarter', 'month_start') }} as date)
            as period_start,
        cast(
            {{ dbt.dateadd(
                'month', 3, dbt.date_trunc('quarter', 'month_start')
            ) }} as date
        ) as period_end
    from months_in_range
    union all
    select distinct
        'year' as grain,
        cast({{ dbt.date_trunc('year', 'month_start') }} as date)
            as period_start,
        cast(
            {{ dbt.dateadd(
                'month', 12, dbt.date_trunc('year', 'month_start')
            ) }} as date
        ) as period_end
    from months_in_range
    union all
    {#- an as_of_date before the first purchase leaves no period at all #}
    select
        'all_time' as grain,
        first_month_start as period_start,
        cast({{ dbt.dateadd('day', 1, 'as_of_date') }} as date) as period_end
    from bounds
    where first_month_start <= as_of_date
),

periods_flagged as (
    select
        periods.grain,
        periods.period_start,
        periods.period_end,
        bounds.as_of_date,
        bounds.first_data_date,
        cast(
            {{ dbt.dateadd('day', -1, 'periods.period_end') }} as date
        ) <= bounds.as_of_date as is_complete_period
    from periods
    cross join bounds
),

final as (
    select
        -- strings
        grain,
        -- booleans
        is_complete_period,
        coalesce(
            grain = 'all_time'
            or (is_complete_period and period_start >= first_data_date),
            false
        ) as is_fully_covered,
        -- dates
        period_start,
        period_end,
        case
            when grain = 'month'
                then
                    cast(
                        {{ dbt.dateadd('month', -1, 'period_start') }} as date
                    )
            when grain = 'quarter'
                then
                    cast(
                        {{ dbt.dateadd('month', -3, 'period_start') }} as date
                    )
            when grain = 'year'
                then
                    cast(
                        {{ dbt.dateadd('month', -12, 'period_start') }} as date
                    )
        end as previous_period_start,
        as_of_date,
        first_data_date,
        -- timestamps
        cast(period_start as {{ dbt.type_timestamp() }}) as period_start_at,
        cast(period_end as {{ dbt.type_timestamp() }}) as period_end_at
    from periods_flagged
)

select * from final
