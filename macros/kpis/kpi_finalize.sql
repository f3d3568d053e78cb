{#
    CTEs that turn a CTE of KPI rows (grain, period_start, dimension,
    dimension_value, numerator, denominator) into the scorecard columns,
    ending in a CTE named `final`:

      - an overall row for every calendar period of `grains` (numerator 0,
        denominator 0 for ratios or null for sums) where none was computed
      - value: 'rate'  -> 100 * numerator / denominator (percent)
               'ratio' -> numerator / denominator (averages, usd per account)
               'sum'   -> numerator (sums and counts)
        null when the denominator is 0
      - period_end, is_complete_period and is_fully_covered from the
        calendar
      - previous_value: the same kpi, grain, dimension and value in the
        previous period; change = value - previous_value
      - is_small_sample: the denominator is below the var min_sample_size,
        so the value should not be read as a trend

      - no rows at all when an optional raw table the KPI needs is absent
        (kpi_catalog seed, int_kpis_sources_checked)

    The calling model writes `select * from final` after it (or from the
    CTE named by `final_name`).
#}
{% macro kpi_finalize(
    rows,
    kpi_id,
    kpi_category,
    unit,
    value_kind,
    grains=['month', 'quarter', 'year'],
    final_name='final'
) %}
kpi_calendar as (
    select * from {{ ref('int_calendar_periods') }}
),

kpi_sources as (
    select * from {{ ref('int_kpis_sources_checked') }}
    where kpi_id = '{{ kpi_id }}' and is_available
),

kpi_rows_filled as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        cast(numerator as {{ type_double() }}) as numerator,
        cast(denominator as {{ type_double() }}) as denominator
    from {{ rows }}
    union all
    select
        kpi_calendar.grain,
        kpi_calendar.period_start,
        'overall' as dimension,
        'all' as dimension_value,
        cast(0 as {{ type_double() }}) as numerator,
        cast(
            {{ 'null' if value_kind == 'sum' else '0' }} as {{ type_double() }}
        ) as denominator
    from kpi_calendar
    cross join kpi_sources
    left join {{ rows }} as computed_overall
        on
            kpi_calendar.grain = computed_overall.grain
            and kpi_calendar.period_start = computed_overall.period_start
            and computed_overall.dimension = 'overall'
    where
        kpi_calendar.grain in ('{{ grains | join("', '") }}')
        and computed_overall.grain is null
),

kpi_rows_available as (
    select kpi_rows_filled.*
    from kpi_rows_filled
    cross join kpi_sources
),

kpi_valued as (
    select
        kpi_rows_available.*,
        case
            {%- if value_kind == 'sum' %}
            when true then numerator
            {%- elif value_kind == 'rate' %}
            when denominator > 0 then 100 * numerator / denominator
            {%- elif value_kind == 'ratio' %}
            when denominator > 0 then numerator / denominator
            {%- endif %}
        end as value
    from kpi_rows_available
),

{{ final_name }} as (
    select
        cast('{{ kpi_id }}' as {{ dbt.type_string() }}) as kpi_id,
        cast('{{ kpi_category }}' as {{ dbt.type_string() }}) as kpi_category,
        cast(kpi_valued.grain as {{ dbt.type_string() }}) as grain,
        kpi_calendar.period_start,
        kpi_calendar.period_end,
        kpi_calendar.is_complete_period,
        kpi_calendar.is_fully_covered,
        cast(kpi_valued.dimension as {{ dbt.type_string() }}) as dimension,
        cast(
            kpi_valued.dimension_value as {{ dbt.type_string() }}
        ) as dimension_value,
        kpi_valued.numerator,
        kpi_valued.denominator,
        cast(kpi_valued.value as {{ type_double() }}) as value,
        cast('{{ unit }}' as {{ dbt.type_string() }}) as unit,
        cast(previous.value as {{ type_double() }}) as previous_value,
        cast(kpi_valued.value - previous.value as {{ type_double() }}) as change,
        coalesce(
            kpi_valued.denominator < {{ var('min_sample_size') }}, false
        ) as is_small_sample
    from kpi_valued
    inner join kpi_calendar
        on
            kpi_valued.grain = kpi_calendar.grain
            and kpi_valued.period_start = kpi_calendar.period_start
    left join kpi_valued as previous
        on
            kpi_valued.grain = previous.grain
            and kpi_valued.dimension = previous.dimension
            and kpi_valued.dimension_value = previous.dimension_value
            and kpi_calendar.previous_period_start = previous.period_start
)
{% endmacro %}
