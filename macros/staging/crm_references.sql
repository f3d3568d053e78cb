{# True when the table has a nullable foreign key (so a dangling count). #}
{% macro crm_has_optional_references(table) %}
    {% for column in crm_contract()[table].columns %}
        {% if column.references and column.nullable %}
            {{ return(true) }}
        {% endif %}
    {% endfor %}
    {{ return(false) }}
{% endmacro %}
