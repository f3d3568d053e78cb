{#
    on-run-end hook: dbt's `grants` config grants select on each mart, but
    a role also needs usage on the schema to reach them. Postgres only:
    DuckDB is a file (access is the file's), Spark runs with grants off.
    The role is the one the marts' grants name (CRM_BI_READER_ROLE).
#}
{% macro grant_marts_schema_usage() %}
    {{ return(adapter.dispatch('grant_marts_schema_usage', 'cross_sell')()) }}
{% endmacro %}

{% macro default__grant_marts_schema_usage() %}
    {{ return('') }}
{% endmacro %}

{% macro postgres__grant_marts_schema_usage() %}
    {% set role = env_var('CRM_BI_READER_ROLE', 'bi_reader') %}
    {% if not role %}
        {{ return('') }}
    {% endif %}
    {{ return(
        'grant usage on schema ' ~ generate_schema_name('marts', none)
        ~ ' to ' ~ adapter.quote(role)
    ) }}
{% endmacro %}
