{# on-run-end hook: placeholder until the KPI catalogue exists. #}
{% macro report_kpi_availability() %}
    {{ return('') }}
{% endmacro %}
