{#
    The performance band of every scorecard row (each period and
    breakdown) of each KPI that has bands in the performance_bands seed: a
    band holds lower_bound <= value < upper_bound (no upper bound: open).
    Adding a band for another KPI is an edit of the seed, not of this SQL.
    A row without a value has no band.
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

performance_bands as (
    select * from {{ ref('performance_bands') }}
),

banded_kpis as (
    select distinct kpi_id from performance_bands
),

kpi_rows as (
    select kpi_scorecard.*
    from kpi_scorecard
    inner join banded_kpis
        on kpi_scorecard.kpi_id = banded_kpis.kpi_id
),

final as (
    select
        kpi_rows.kpi_id,
        kpi_rows.grain,
        kpi_rows.period_start,
        kpi_rows.period_end,
        kpi_rows.is_complete_period,
        kpi_rows.dimension,
        kpi_rows.dimension_value,
        kpi_rows.numerator,
        kpi_rows.denominator,
        kpi_rows.value,
        kpi_rows.unit,
        kpi_rows.is_small_sample,
        performance_bands.band,
        performance_bands.lower_bound as band_lower_bound,
        performance_bands.upper_bound as band_upper_bound
    from kpi_rows
    left join performance_bands
        on
            kpi_rows.kpi_id = performance_bands.kpi_id
            and kpi_rows.value >= performance_bands.lower_bound
            and (
                performance_bands.upper_bound is null
                or kpi_rows.value < performance_bands.upper_bound
            )
)

select * from final
