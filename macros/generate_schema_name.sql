{#
    Use the custom schema name as given (staging, intermediate, marts,
    reference) instead of prefixing it with the target schema: each
    developer builds into a warehouse file of their own, so names do not
    collide, and BI tools always find `marts`.
#}
{% macro generate_schema_name(custom_schema_name, node) %}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{% endmacro %}
