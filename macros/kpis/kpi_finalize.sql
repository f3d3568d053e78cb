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
      - period_end and is_complete_period from the calendar
      - previous_value: the same kpi, grain, dimension and value in the
        previous period; change = value - previous_value

    The calling model writes `select * from final` after it.
#}
{% macro kpi_finalize(
    rows,
    kpi_id,
    kpi_category,
    unit,
    value_kind,
    grains=['month', 'quarter', 'year']
) %}
kpi_calendar as (
    select * from {{ ref('int_calendar_periods') }}
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
    left join {{ rows }} as computed_overall
        on
            kpi_calendar.grain = computed_overall.grain
            and kpi_calendar.period_start = computed_overall.period_start
            and computed_overall.dimension = 'overall'
    where
        kpi_calendar.grain in ('{{ grains | join("', '") }}')
        and computed_overall.grain is null
),

kpi_valued as (
    select
        kpi_rows_filled.*,
        case
            {%- if value_kind == 'sum' %}
            when true then numerator
            {%- elif value_kind == 'rate' %}
            when denominator > 0 then 100 * numerator / denominator
            {%- elif value_kind == 'ratio' %}
            when denominator > 0 then numerator / denominator
            {%- endif %}
        end as value
    from kpi_rows_filled
),

final as (
    select
        cast('{{ kpi_id }}' as {{ dbt.type_string() }}) as kpi_id,
        cast('{{ kpi_category }}' as {{ dbt.type_string() }}) as kpi_category,
        cast(kpi_valued.grain as {{ dbt.type_string() }}) as grain,
        kpi_calendar.period_start,
        kpi_calendar.period_end,
        kpi_calendar.is_complete_period,
        cast(kpi_valued.dimension as {{ dbt.type_string() }}) as dimension,
        cast(
            kpi_valued.dimension_value as {{ dbt.type_string() }}
        ) as dimension_value,
        kpi_valued.numerator,
        kpi_valued.denominator,
        cast(kpi_valued.value as {{ type_double() }}) as value,
        cast('{{ unit }}' as {{ dbt.type_string() }}) as unit,
        cast(previous.value as {{ type_double() }}) as previous_value,
        cast(kpi_valued.value - previous.value as {{ type_double() }}) as change
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
