{#
    dbt's safe_cast compiles to a plain cast on DuckDB, which fails the whole
    query on one bad value. DuckDB has try_cast, which returns null instead.
    Found through the `dispatch` search order in dbt_project.yml.
#}
{% macro duckdb__safe_cast(field, type) %}
    try_cast({{ field }} as {{ type }})
{% endmacro %}
