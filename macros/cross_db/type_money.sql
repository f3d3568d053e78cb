{#
    The one money type: a fixed-point decimal with 38 digits, 6 after the
    point, on every engine. Amounts are read with it, a line's USD revenue
    is cast to it once (rounding to 6 decimals) and every later sum of it
    is exact, so two builds of the same files give the same cents.
    38 is the widest decimal DuckDB and Spark keep exact; a sum of
    decimal(38, 6) stays decimal(38, 6) on both. On Postgres it becomes a
    numeric without a declared scale (0 where coalesce fills a missing
    sum), so a model that outputs a money sum casts it back to
    type_money(): the column then has one type on every engine, and a unit
    test's expected rows, cast by dbt to the model's column types, read
    100 as 100.000000 there too.
#}
{% macro type_money() %}
    {{ return(adapter.dispatch('type_money', 'cross_sell')()) }}
{% endmacro %}

{% macro default__type_money() %}
    {{ return('numeric(38, 6)') }}
{% endmacro %}

{% macro duckdb__type_money() %}
    {{ return('decimal(38, 6)') }}
{% endmacro %}

{% macro spark__type_money() %}
    {{ return('decimal(38, 6)') }}
{% endmacro %}


{# The exchange rate type: a fixed-point decimal with 10 decimals. #}
{% macro type_rate() %}
    {{ return(adapter.dispatch('type_rate', 'cross_sell')()) }}
{% endmacro %}

{% macro default__type_rate() %}
    {{ return('numeric(18, 10)') }}
{% endmacro %}

{% macro duckdb__type_rate() %}
    {{ return('decimal(18, 10)') }}
{% endmacro %}

{% macro spark__type_rate() %}
    {{ return('decimal(18, 10)') }}
{% endmacro %}
