{#
    on-run-end hook: list the KPIs that cannot be computed because an
    optional raw table they need is absent (read from marts.kpi_availability
    when this run built it).
#}
{% macro report_kpi_availability() %}
    {% if execute %}
        {% set relation = adapter.get_relation(
            database=target.database, schema='marts', identifier='kpi_availability'
        ) %}
        {% if relation is not none %}
            {% set unavailable = run_query(
                'select kpi_id, missing_tables from ' ~ relation
                ~ ' where not is_available order by kpi_id'
            ) %}
            {% if unavailable.rows | length > 0 %}
                {% do log('KPIs unavailable (optional raw tables absent):', info=true) %}
                {% for row in unavailable.rows %}
                    {% do log('  ' ~ row[0] ~ ': needs ' ~ row[1], info=true) %}
                {% endfor %}
            {% else %}
                {% do log('Every KPI of the catalogue has its raw tables.', info=true) %}
            {% endif %}
        {% endif %}
    {% endif %}
    {{ return('') }}
{% endmacro %}
