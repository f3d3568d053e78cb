{#
    Which KPIs need a look: one row per KPI, breakdown and rule that fired
    in the latest complete period of each grain (month and quarter: the
    latest period that is complete and fully covered by the data). A row
    whose denominator is a small sample (is_small_sample) never alerts,
    nor does a change measured against a small-sample period.

    "Worse" follows kpi_catalog.higher_is_better: lower for most KPIs,
    higher for churn_rate, sales_cycle_length and time_to_cross_sell.
    The rules (rule, then what reference_value holds):
      weak_band            the value lies in the KPI's worst performance
                           band (kpi_performance_bands); the bound that
                           leads out of it
      outside_benchmark    worse than the benchmark of the configured group
                           (benchmark_comparison: below a range or an
                           average, for a lower-is-worse KPI); the range's
                           nearest bound or the average
      missed_target        worse than its target (kpi_target_attainment);
                           the target
      consecutive_decline  worse than the period before in each of the
                           last var alert_decline_periods periods; the
                           value that many periods back
      sharp_change         worse than the period before by more than var
                           alert_change_threshold of the previous value
                           (relative: 0.2 = 20 %, the same for every
                           unit); the previous value
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

kpi_catalog as (
    select * from {{ ref('kpi_catalog') }}
),

performance_bands as (
    select * from {{ ref('kpi_performance_bands') }}
),

benchmark_comparison as (
    select * from {{ ref('benchmark_comparison') }}
    where is_configured_group
),

target_attainment as (
    select * from {{ ref('kpi_target_attainment') }}
),

series as (
    select
        kpi_scorecard.*,
        kpi_catalog.kpi_name,
        kpi_catalog.higher_is_better,
        case
            when kpi_catalog.higher_is_better then kpi_scorecard.change < 0
            else kpi_scorecard.change > 0
        end as is_worse,
        lag(kpi_scorecard.is_small_sample) over (
            partition by
                kpi_scorecard.kpi_id,
                kpi_scorecard.grain,
                kpi_scorecard.dimension,
                kpi_scorecard.dimension_value
            order by kpi_scorecard.period_start
        ) as is_previous_small_sample,
        row_number() over (
            partition by
                kpi_scorecard.kpi_id,
                kpi_scorecard.grain,
                kpi_scorecard.dimension,
                kpi_scorecard.dimension_value
            order by kpi_scorecard.period_start desc
        ) as periods_back
    from kpi_scorecard
    inner join kpi_catalog
        on kpi_scorecard.kpi_id = kpi_catalog.kpi_id
    where
        kpi_scorecard.grain in ('month', 'quarter')
        and kpi_scorecard.is_complete_period
        and kpi_scorecard.is_fully_covered
),

latest_rows as (
    select * from series
    where
        periods_back = 1
        and value is not null
        and not coalesce(is_small_sample, false)
),

latest_period as (
    select
        grain,
        max(period_start) as period_start
    from series
    group by 1
),

current_rows as (
    select latest_rows.*
    from latest_rows
    inner join latest_period
        on
            latest_rows.grain = latest_period.grain
            and latest_rows.period_start = latest_period.period_start
),

band_limits as (
    select
        kpi_id,
        min(band_lower_bound) as lowest_lower_bound,
        max(band_lower_bound) as highest_lower_bound
    from performance_bands
    group by 1
),

weak_band as (
    select
        current_rows.*,
        'weak_band' as rule,  -- noqa: RF04
        case
            when current_rows.higher_is_better
                then performance_bands.band_upper_bound
            else performance_bands.band_lower_bound
        end as reference_value
    from current_rows
    inner join performance_bands
        on
            current_rows.kpi_id = performance_bands.kpi_id
            and current_rows.grain = performance_bands.grain
            and current_rows.period_start = performance_bands.period_start
            and current_rows.dimension = performance_bands.dimension
            and current_rows.dimension_value
            = performance_bands.dimension_value
    inner join band_limits
        on current_rows.kpi_id = band_limits.kpi_id
    where
        (
            current_rows.higher_is_better
            and performance_bands.band_lower_bound
            = band_limits.lowest_lower_bound
        )
        or (
            not current_rows.higher_is_better
            and performance_bands.band_lower_bound
            = band_limits.highest_lower_bound
        )
),

outside_benchmark as (
    select
        current_rows.*,
        'outside_benchmark' as rule,  -- noqa: RF04
        case
            when benchmark_comparison.benchmark_type = 'average'
                then benchmark_comparison.benchmark_average
            when current_rows.higher_is_better
                then benchmark_comparison.benchmark_low
            else benchmark_comparison.benchmark_high
        end as reference_value
    from current_rows
    inner join benchmark_comparison
        on
            current_rows.kpi_id = benchmark_comparison.kpi_id
            and current_rows.grain = benchmark_comparison.grain
            and current_rows.period_start = benchmark_comparison.period_start
    where
        current_rows.dimension = 'overall'
        and not coalesce(benchmark_comparison.is_small_sample, false)
        and benchmark_comparison.position  -- noqa: RF04
        = case when current_rows.higher_is_better then 'below' else 'above' end
),

missed_target as (
    select
        current_rows.*,
        'missed_target' as rule,  -- noqa: RF04
        target_attainment.target_value as reference_value
    from current_rows
    inner join target_attainment
        on
            current_rows.kpi_id = target_attainment.kpi_id
            and current_rows.grain = target_attainment.grain
            and current_rows.period_start = target_attainment.period_start
            and current_rows.dimension = target_attainment.dimension
            and current_rows.dimension_value
            = target_attainment.dimension_value
    where
        (
            current_rows.higher_is_better
            and current_rows.value < target_attainment.target_value
        )
        or (
            not current_rows.higher_is_better
            and current_rows.value > target_attainment.target_value
        )
),

declines as (
    select
        kpi_id,
        grain,
        dimension,
        dimension_value,
        sum(case when is_worse then 1 else 0 end) as periods_worse,
        sum(
            case
                when
                    coalesce(is_small_sample, false)
                    or coalesce(is_previous_small_sample, true)
                    then 1
                else 0
            end
        ) as periods_small,
        max(
            case
                when periods_back = {{ var('alert_decline_periods') }}
                    then previous_value
            end
        ) as value_before_decline
    from series
    where periods_back <= {{ var('alert_decline_periods') }}
    group by 1, 2, 3, 4
),

consecutive_decline as (
    select
        current_rows.*,
        'consecutive_decline' as rule,  -- noqa: RF04
        declines.value_before_decline as reference_value
    from current_rows
    inner join declines
        on
            current_rows.kpi_id = declines.kpi_id
            and current_rows.grain = declines.grain
            and current_rows.dimension = declines.dimension
            and current_rows.dimension_value = declines.dimension_value
    where
        declines.periods_worse = {{ var('alert_decline_periods') }}
        and declines.periods_small = 0
),

sharp_change as (
    select
        current_rows.*,
        'sharp_change' as rule,  -- noqa: RF04
        current_rows.previous_value as reference_value
    from current_rows
    where
        current_rows.is_worse
        and not coalesce(current_rows.is_previous_small_sample, true)
        and current_rows.previous_value != 0
        and abs(current_rows.change) / abs(current_rows.previous_value)
        > {{ var('alert_change_threshold') }}
),

fired as (
    select * from weak_band
    union all
    select * from outside_benchmark
    union all
    select * from missed_target
    union all
    select * from consecutive_decline
    union all
    select * from sharp_change
),

final as (
    select
        -- ids
        kpi_id,
        -- strings
        kpi_name,
        grain,
        dimension,
        dimension_value,
        rule,
        unit,
        -- numerics
        value,
        cast(reference_value as {{ type_double() }}) as reference_value,
        previous_value,
        change,
        numerator,
        denominator,
        -- booleans
        higher_is_better,
        -- dates
        period_start,
        period_end
    from fired
)

select * from final
