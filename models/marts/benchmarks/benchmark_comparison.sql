{#
    The overall year and quarter values of each benchmarked KPI against
    every benchmark of the reference seeds: ranges (cross_sell_rate by
    business model) and averages (interaction_cross_sell_rate by industry).

    position: a range gives below / within (low <= actual <= high) / above;
    an average gives below / at (only when equal) / above.
    gap_points: outside a range, actual minus the nearest bound (0 within);
    for an average, actual minus the average. Both null without an actual.
    The column name `position` is the spec's, though it is a SQL keyword.
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

benchmark_ranges as (
    select * from {{ ref('benchmark_ranges') }}
),

benchmark_averages as (
    select * from {{ ref('benchmark_averages') }}
),

overall_rows as (
    select * from kpi_scorecard
    where dimension = 'overall' and grain in ('year', 'quarter')
),

range_comparisons as (
    select
        overall_rows.kpi_id,
        overall_rows.grain,
        overall_rows.period_start,
        overall_rows.period_end,
        overall_rows.is_complete_period,
        overall_rows.value as actual_value,
        'range' as benchmark_type,
        benchmark_ranges.benchmark_group,
        benchmark_ranges.low_value as benchmark_low,
        benchmark_ranges.high_value as benchmark_high,
        cast(null as {{ type_double() }}) as benchmark_average,
        case
            when overall_rows.value is null then null
            when overall_rows.value < benchmark_ranges.low_value then 'below'
            when overall_rows.value > benchmark_ranges.high_value then 'above'
            else 'within'
        end as position,  -- noqa: RF04
        case
            when overall_rows.value is null then null
            when overall_rows.value < benchmark_ranges.low_value
                then overall_rows.value - benchmark_ranges.low_value
            when overall_rows.value > benchmark_ranges.high_value
                then overall_rows.value - benchmark_ranges.high_value
            else 0
        end as gap_points,
        benchmark_ranges.source,
        benchmark_ranges.benchmark_group = '{{ var("business_model") }}'
            as is_configured_group,
        overall_rows.is_small_sample
    from overall_rows
    inner join benchmark_ranges
        on overall_rows.kpi_id = benchmark_ranges.kpi_id
),

average_comparisons as (
    select
        overall_rows.kpi_id,
        overall_rows.grain,
        overall_rows.period_start,
        overall_rows.period_end,
        overall_rows.is_complete_period,
        overall_rows.value as actual_value,
        'average' as benchmark_type,
        benchmark_averages.industry as benchmark_group,
        cast(null as {{ type_double() }}) as benchmark_low,
        cast(null as {{ type_double() }}) as benchmark_high,
        benchmark_averages.average_value as benchmark_average,
        case
            when overall_rows.value is null then null
            when overall_rows.value < benchmark_averages.average_value
                then 'below'
            when overall_rows.value > benchmark_averages.average_value
                then 'above'
            else 'at'
        end as position,  -- noqa: RF04
        overall_rows.value - benchmark_averages.average_value as gap_points,
        benchmark_averages.source,
        benchmark_averages.industry = '{{ var("industry") }}'
            as is_configured_group,
        overall_rows.is_small_sample
    from overall_rows
    inner join benchmark_averages
        on overall_rows.kpi_id = benchmark_averages.kpi_id
),

final as (
    select * from range_comparisons
    union all
    select * from average_comparisons
)

select * from final
