{#
    Spark: (re)create the raw tables of `crm_schema` over raw files, every
    column read as text. Called by the harness as
    `dbt run-operation load_raw_files --args '{files: [...]}'` with one
    {table, path, format} per raw table (crosssell/raw_files.py finds them with
    the DuckDB hook's precedence). Tables not listed are dropped, so an
    absent optional table becomes the hook's empty placeholder.
#}
{% macro load_raw_files(files) %}
    {% set schema = var('crm_schema') %}
    {% do run_query('create schema if not exists ' ~ schema) %}
    {% set listed = files | map(attribute='table') | list %}
    {% for table in crm_table_names() if table not in listed %}
        {% do run_query('drop table if exists ' ~ schema ~ '.' ~ table) %}
    {% endfor %}
    {% for file in files %}
        {% set options = {'path': file.path} %}
        {% if file.format == 'csv' %}
            {% do options.update({
                'header': 'true', 'multiLine': 'true', 'escape': '"',
                'mode': 'PERMISSIVE'
            }) %}
        {% endif %}
        {% set rendered = [] %}
        {% for name, value in options.items() %}
            {% do rendered.append(name ~ " '" ~ value | replace("'", "\\'") ~ "'") %}
        {% endfor %}
        {#- a CRM's table may be a reserved word (Salesforce's order, user) #}
        {% set quoted = schema ~ '.' ~ adapter.quote(file.table) %}
        {% do run_query('drop table if exists ' ~ quoted) %}
        {% do run_query('drop table if exists ' ~ schema ~ '._crm_absent_' ~ file.table) %}
        {% do run_query(
            'create table ' ~ quoted ~ ' using ' ~ file.format
            ~ ' options (' ~ rendered | join(', ') ~ ')'
        ) %}
        {% do log('raw table ' ~ schema ~ '.' ~ file.table ~ ' over ' ~ file.path, info=true) %}
    {% endfor %}
{% endmacro %}
