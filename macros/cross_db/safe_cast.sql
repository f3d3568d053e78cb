{#
    dbt's safe_cast compiles to a plain cast on DuckDB and Postgres, which
    fails the whole query on one bad value. The base models need null
    instead, so a bad value is rejected with a reason code. Found through
    the `dispatch` search order in dbt_project.yml.
#}

{# DuckDB has try_cast. #}
{% macro duckdb__safe_cast(field, type) %}
    try_cast({{ field }} as {{ type }})
{% endmacro %}


{#
    Postgres 15 has no try_cast: the hook creates one PL/pgSQL function per
    type the raw contract reads (crm_postgres_try_cast_functions). Other
    types keep a plain cast.
#}
{% macro postgres__safe_cast(field, type) %}
    {% set functions = {
        'numeric': 'crm_try_numeric',
        'boolean': 'crm_try_boolean',
        'date': 'crm_try_date',
        'timestamp': 'crm_try_timestamp',
        'timestamp without time zone': 'crm_try_timestamp',
    } %}
    {% set function = functions.get((type | lower).split('(')[0] | trim) %}
    {% if function is none %}
        cast({{ field }} as {{ type }})
    {% else %}
        cast({{ var('crm_schema') }}.{{ function }}(cast({{ field }} as text))
            as {{ type }})
    {% endif %}
{% endmacro %}


{#
    The functions behind postgres__safe_cast, created by the on-run-start
    hook in `schema`. A timestamp with a UTC offset is converted to UTC, one
    without is read as UTC (the function runs with TimeZone = UTC). Numbers,
    dates and timestamps must start with a digit (or a sign or point), so
    Postgres's special inputs ('yesterday', 'NaN', 'infinity') are unreadable
    as they are on DuckDB.
#}
{% macro crm_postgres_try_cast_functions(schema) %}
    {% set targets = {
        'crm_try_numeric': ('numeric', 'value::numeric', '^\\s*[-+]?[0-9.]'),
        'crm_try_boolean': ('boolean', 'value::boolean', '.'),
        'crm_try_date': ('date', 'value::date', '^\\s*[0-9]'),
        'crm_try_timestamp': (
            'timestamp', "value::timestamptz at time zone 'UTC'", '^\\s*[0-9]'
        ),
    } %}
    {% set statements = [] %}
    {% for name, (returns, expression, pattern) in targets.items() %}
        {% do statements.append(
            'create or replace function ' ~ schema ~ '.' ~ name
            ~ '(value text) returns ' ~ returns
            ~ " language plpgsql immutable set timezone to 'UTC' as $$"
            ~ " begin if value !~ '" ~ pattern ~ "' then return null; end if;"
            ~ ' return ' ~ expression ~ ';'
            ~ ' exception when others then return null; end $$'
        ) %}
    {% endfor %}
    {{ return(statements | join(';\n')) }}
{% endmacro %}
