{#
    The first day the recommendations do not see: the var
    recommendation_cutoff when set (a backtest), else the day after the
    calendar's as_of_date. `calendar` names a relation with as_of_date
    (int_calendar_periods). Rows dated before this day are history.
#}
{% macro recommendation_cutoff_date(calendar='calendar_periods') %}
    {%- if var('recommendation_cutoff') -%}
        cast('{{ var("recommendation_cutoff") }}' as date)
    {%- else -%}
        cast({{ dbt.dateadd('day', 1, calendar ~ '.as_of_date') }} as date)
    {%- endif -%}
{% endmacro %}


{# The median of a numeric expression, in each engine's spelling. #}
{% macro median_of(expression) %}
    {{ return(adapter.dispatch('median_of', 'cross_sell')(expression)) }}
{% endmacro %}

{% macro default__median_of(expression) %}
    {{ return('percentile_cont(0.5) within group (order by ' ~ expression ~ ')') }}
{% endmacro %}

{% macro duckdb__median_of(expression) %}
    {{ return('median(' ~ expression ~ ')') }}
{% endmacro %}

{% macro spark__median_of(expression) %}
    {{ return('percentile(' ~ expression ~ ', 0.5)') }}
{% endmacro %}
