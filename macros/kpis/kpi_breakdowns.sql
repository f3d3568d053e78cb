{#
    One block of rows per breakdown dimension, union all'ed: for each
    (grain, period_start, dimension value) the numerator and denominator
    aggregates. `dimensions` is a list of [dimension name, column]; use
    ['overall', "'all'"] for the overall rows. A null value becomes
    'unknown'.
#}
{% macro kpi_breakdown_rows(relation, dimensions, numerator, denominator) %}
    {%- for dimension, column in dimensions %}
    select
        grain,
        period_start,
        '{{ dimension }}' as dimension,
        coalesce(
            cast({{ column }} as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value,
        {{ numerator }} as numerator,
        {{ denominator }} as denominator
    from {{ relation }}
    group by 1, 2, 3, 4
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{% endmacro %}


{# The account dimensions every account-level KPI can break down by. #}
{% macro account_dimensions(names) %}
    {% set columns = {
        'overall': "'all'",
        'segment': 'segment',
        'industry': 'industry',
        'region': 'region',
        'customer_type': 'customer_type',
        'age_band': 'age_band',
        'sales_rep': 'owner_rep_id',
    } %}
    {% set dimensions = [] %}
    {% for name in names %}
        {% do dimensions.append([name, columns[name]]) %}
    {% endfor %}
    {{ return(dimensions) }}
{% endmacro %}
