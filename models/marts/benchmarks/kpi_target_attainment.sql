{#
    Each row of the kpi_targets seed beside the KPI's actual value:
    attainment = actual / target (null when the target is 0 or there is no
    actual), gap = actual - target.
#}
with

kpi_targets as (
    select * from {{ ref('kpi_targets') }}
),

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select
        kpi_targets.kpi_id,
        kpi_targets.grain,
        kpi_targets.period_start,
        kpi_targets.dimension,
        kpi_targets.dimension_value,
        kpi_scorecard.period_end,
        kpi_scorecard.is_complete_period,
        kpi_scorecard.unit,
        kpi_scorecard.value as actual_value,
        kpi_targets.target_value,
        kpi_scorecard.value / nullif(kpi_targets.target_value, 0)
            as attainment,
        kpi_scorecard.value - kpi_targets.target_value as gap,
        coalesce(kpi_scorecard.is_small_sample, false) as is_small_sample
    from kpi_targets
    left join kpi_scorecard
        on
            kpi_targets.kpi_id = kpi_scorecard.kpi_id
            and kpi_targets.grain = kpi_scorecard.grain
            and kpi_targets.period_start = kpi_scorecard.period_start
            and kpi_targets.dimension = kpi_scorecard.dimension
            and kpi_targets.dimension_value = kpi_scorecard.dimension_value
)

select * from final
