{#
    An 8-byte float on every engine. dbt.type_float() is a 4-byte float on
    DuckDB, too coarse for revenue sums.
#}
{% macro type_double() %}
    {{ return(adapter.dispatch('type_double', 'cross_sell')()) }}
{% endmacro %}

{% macro default__type_double() %}
    {{ return('double precision') }}
{% endmacro %}

{% macro duckdb__type_double() %}
    {{ return('double') }}
{% endmacro %}

{% macro spark__type_double() %}
    {{ return('double') }}
{% endmacro %}
