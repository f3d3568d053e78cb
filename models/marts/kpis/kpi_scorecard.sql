{#
    Every KPI at every grain, period and breakdown: the table BI tools read.
    Its columns are an enforced model contract (docs/marts.md).

    The KPIs' formula models (int_kpi__<kpi_id>) give numerator and
    denominator per (grain, period_start, dimension, dimension_value);
    int_kpis_computed stacks them. Finishing is the same for every KPI and
    driven by its row of the kpi_catalog seed:
      - availability: no rows at all when an optional raw table the KPI
        needs is absent (int_kpis_sources_checked)
      - fills_empty_periods: an overall row for every month, quarter and
        year where the formula computed none (numerator 0, denominator 0,
        or null for sums)
      - value_formula: `100 * numerator / denominator`, `numerator /
        denominator` or `numerator`; null when the denominator is 0
      - period_end, is_complete_period, is_fully_covered from the calendar
      - previous_value: the same KPI, grain and breakdown in the previous
        period; change = value - previous_value
      - is_small_sample: the denominator is below the var min_sample_size
#}
with

kpis_computed as (
    select * from {{ ref('int_kpis_computed') }}
),

kpi_catalog as (
    select * from {{ ref('kpi_catalog') }}
),

kpis_available as (
    select * from {{ ref('int_kpis_sources_checked') }}
    where is_available
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
),

computed_rows as (
    select
        kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        cast(numerator as {{ type_double() }}) as numerator,
        cast(denominator as {{ type_double() }}) as denominator
    from kpis_computed
),

computed_overall_rows as (
    select * from computed_rows
    where dimension = 'overall'
),

empty_overall_rows as (
    select
        kpi_catalog.kpi_id,
        calendar_periods.grain,
        calendar_periods.period_start,
        'overall' as dimension,
        'all' as dimension_value,
        cast(0 as {{ type_double() }}) as numerator,
        cast(
            case
                when kpi_catalog.value_formula = 'numerator' then null
                else 0
            end as {{ type_double() }}
        ) as denominator
    from kpi_catalog
    cross join calendar_periods
    left join computed_overall_rows
        on
            kpi_catalog.kpi_id = computed_overall_rows.kpi_id
            and calendar_periods.grain = computed_overall_rows.grain
            and calendar_periods.period_start
            = computed_overall_rows.period_start
    where
        kpi_catalog.fills_empty_periods
        and calendar_periods.grain in ('month', 'quarter', 'year')
        and computed_overall_rows.kpi_id is null
),

kpi_rows as (
    select * from computed_rows
    union all
    select * from empty_overall_rows
),

kpi_values as (
    select
        kpi_rows.*,
        kpi_catalog.kpi_category,
        kpi_catalog.unit,
        case
            when kpi_catalog.value_formula = 'numerator'
                then kpi_rows.numerator
            when kpi_rows.denominator = 0 then null
            when kpi_catalog.value_formula = 'numerator / denominator'
                then kpi_rows.numerator / kpi_rows.denominator
            when kpi_catalog.value_formula = '100 * numerator / denominator'
                then 100 * kpi_rows.numerator / kpi_rows.denominator
        end as value  -- noqa: RF04
    from kpi_rows
    inner join kpi_catalog
        on kpi_rows.kpi_id = kpi_catalog.kpi_id
    inner join kpis_available
        on kpi_rows.kpi_id = kpis_available.kpi_id
),

final as (
    select
        cast(kpi_values.kpi_id as {{ dbt.type_string() }}) as kpi_id,
        cast(
            kpi_values.kpi_category as {{ dbt.type_string() }}
        ) as kpi_category,
        cast(kpi_values.grain as {{ dbt.type_string() }}) as grain,
        calendar_periods.period_start,
        calendar_periods.period_end,
        calendar_periods.is_complete_period,
        calendar_periods.is_fully_covered,
        cast(kpi_values.dimension as {{ dbt.type_string() }}) as dimension,
        cast(
            kpi_values.dimension_value as {{ dbt.type_string() }}
        ) as dimension_value,
        kpi_values.numerator,
        kpi_values.denominator,
        cast(kpi_values.value as {{ type_double() }}) as value,  -- noqa: RF04
        cast(kpi_values.unit as {{ dbt.type_string() }}) as unit,
        cast(previous_period.value as {{ type_double() }}) as previous_value,
        cast(
            kpi_values.value - previous_period.value as {{ type_double() }}
        ) as change,  -- noqa: RF04
        coalesce(
            kpi_values.denominator < {{ var('min_sample_size') }}, false
        ) as is_small_sample
    from kpi_values
    inner join calendar_periods
        on
            kpi_values.grain = calendar_periods.grain
            and kpi_values.period_start = calendar_periods.period_start
    left join kpi_values as previous_period
        on
            kpi_values.kpi_id = previous_period.kpi_id
            and kpi_values.grain = previous_period.grain
            and kpi_values.dimension = previous_period.dimension
            and kpi_values.dimension_value = previous_period.dimension_value
            and calendar_periods.previous_period_start
            = previous_period.period_start
)

select * from final
