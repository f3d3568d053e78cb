{#
    Read a trimmed text value as a contract type. Each returns null when the
    text cannot be read, so the caller can tell "absent" (text is null) from
    "unreadable" (text is not null, value is null).
#}
{% macro crm_parse_value(text_expression, column_type) %}
    {% if column_type in ('text', 'enum', 'currency', 'stage') %}
        {{ return(text_expression) }}
    {% elif column_type == 'integer' %}
        {{ return(crm_parse_integer(text_expression)) }}
    {% elif column_type == 'decimal' %}
        {{ return(dbt.safe_cast(text_expression, type_money())) }}
    {% elif column_type == 'boolean' %}
        {{ return(dbt.safe_cast(text_expression, dbt.type_boolean())) }}
    {% elif column_type == 'date' %}
        {{ return(dbt.safe_cast(text_expression, 'date')) }}
    {% elif column_type == 'timestamp' %}
        {{ return(crm_parse_timestamp(text_expression)) }}
    {% else %}
        {% do exceptions.raise_compiler_error('unknown contract type ' ~ column_type) %}
    {% endif %}
{% endmacro %}


{# A whole number: "3" and "3.0" read, "3.7" does not. #}
{% macro crm_parse_integer(text_expression) %}
    {% set as_number = dbt.safe_cast(text_expression, dbt.type_numeric()) %}
    {{ return(
        'case when ' ~ as_number ~ ' = floor(' ~ as_number ~ ') then cast('
        ~ as_number ~ ' as ' ~ dbt.type_bigint() ~ ') end'
    ) }}
{% endmacro %}


{# A timestamp in UTC; a value with a UTC offset is converted to UTC. #}
{% macro crm_parse_timestamp(text_expression) %}
    {{ return(adapter.dispatch('crm_parse_timestamp', 'cross_sell')(text_expression)) }}
{% endmacro %}

{% macro default__crm_parse_timestamp(text_expression) %}
    {{ return(dbt.safe_cast(text_expression, dbt.type_timestamp())) }}
{% endmacro %}

{% macro duckdb__crm_parse_timestamp(text_expression) %}
    {{ return("timezone('UTC', try_cast(" ~ text_expression ~ " as timestamptz))") }}
{% endmacro %}
