{#
    on-run-start hook: make every raw CRM table of the contract queryable in
    the `crm_schema` schema before any model runs, and record which tables
    are present in `<crm_schema>._crm_raw_tables`.

    - A required table that is absent, or any table missing a contract
      column, stops the run with a message naming table and column.
    - An absent optional table becomes an empty placeholder with the
      contract's columns, so every model still builds (the KPIs that need it
      have no rows) and the data-quality marts leave it out.
    - With crm_source salesforce or hubspot, prepare_crm_adapter() first
      exposes the CRM's tables (macros/raw/prepare_crm_adapter.sql); the
      contract tables its adapter models fill are skipped here.
#}
{% macro prepare_raw_crm() %}
    {% if execute %}
        {% do prepare_crm_adapter() %}
        {% do adapter.dispatch('prepare_raw_crm', 'cross_sell')() %}
    {% endif %}
    {{ return('') }}
{% endmacro %}


{# DuckDB: views over the files in CRM_RAW_DIR, every column read as text. #}
{% macro duckdb__prepare_raw_crm() %}
    {% set raw_dir = env_var('CRM_RAW_DIR', 'data/demo') | replace("'", "''") %}
    {% set schema = var('crm_schema') %}
    {% set contract = crm_contract() %}
    {% set inventory = [] %}
    {% do run_query('create schema if not exists ' ~ schema) %}
    {% set adapted = crm_adapted_tables() %}
    {% for table in crm_table_names() %}
        {% set spec = contract[table] %}
        {% set reader = none if table in adapted else crm_duckdb_raw_reader(raw_dir, table) %}
        {% if table in adapted %}
            {% do inventory.append((table, spec.required, true, var('crm_source') ~ '__' ~ table)) %}
        {% elif reader is none %}
            {% if spec.required %}
                {% do exceptions.raise_compiler_error(
                    "Required raw table '" ~ table ~ "' not found in CRM_RAW_DIR='"
                    ~ raw_dir ~ "': expected " ~ table ~ ".csv, " ~ table
                    ~ ".csv.gz, " ~ table ~ ".parquet or a folder " ~ table
                    ~ "/ of .parquet files. Generate the demo data with "
                    ~ "'python3 tasks.py demo' or point CRM_RAW_DIR at your extract."
                ) %}
            {% endif %}
            {% do run_query(
                'create or replace view ' ~ schema ~ '.' ~ table ~ ' as '
                ~ crm_empty_raw_select(spec)
            ) %}
            {% do log('Optional raw table ' ~ table ~ ' is absent: the KPIs that need it will have no rows.', info=true) %}
            {% do inventory.append((table, spec.required, false, none)) %}
        {% else %}
            {% set described = run_query('describe select * from ' ~ reader.sql) %}
            {% do crm_check_raw_columns(
                table, reader.location, described.columns[0].values() | list
            ) %}
            {% set select_list = [] %}
            {% for column in spec.columns %}
                {% do select_list.append(
                    'cast("' ~ column.name ~ '" as varchar) as ' ~ column.name
                ) %}
            {% endfor %}
            {% do run_query(
                'create or replace view ' ~ schema ~ '.' ~ table ~ ' as select '
                ~ select_list | join(', ') ~ ' from ' ~ reader.sql
            ) %}
            {% do inventory.append((table, spec.required, true, reader.location)) %}
        {% endif %}
    {% endfor %}
    {% do crm_write_raw_inventory(schema, inventory) %}
{% endmacro %}


{# Stop the run when a contract column is missing from a raw table. #}
{% macro crm_check_raw_columns(table, location, found) %}
    {% set missing = [] %}
    {% for column in crm_contract()[table].columns %}
        {% if column.name not in found %}
            {% do missing.append(column.name) %}
        {% endif %}
    {% endfor %}
    {% if missing %}
        {% do exceptions.raise_compiler_error(
            "Raw table '" ~ table ~ "' (" ~ location
            ~ ") is missing required column(s): " ~ missing | join(', ')
            ~ ". Every column of the raw CRM contract must be present"
            ~ " (found: " ~ found | join(', ') ~ ")."
        ) %}
    {% endif %}
{% endmacro %}


{# The first of <table>.csv, .csv.gz, .parquet, <table>/*.parquet found. #}
{% macro crm_duckdb_raw_reader(raw_dir, table) %}
    {% set base = raw_dir ~ '/' ~ table %}
    {% set csv_options = "header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'" %}
    {% set candidates = [
        (base ~ '.csv', "read_csv('" ~ base ~ ".csv', " ~ csv_options ~ ")"),
        (base ~ '.csv.gz', "read_csv('" ~ base ~ ".csv.gz', " ~ csv_options ~ ")"),
        (base ~ '.parquet', "read_parquet('" ~ base ~ ".parquet')"),
        (base ~ '/*.parquet', "read_parquet('" ~ base ~ "/*.parquet', union_by_name = true)"),
    ] %}
    {% for location, sql in candidates %}
        {% set hits = run_query("select count(*) from glob('" ~ location ~ "')") %}
        {% if hits.columns[0].values()[0] > 0 %}
            {% set sizes = run_query("select min(size) from read_blob('" ~ location ~ "')") %}
            {% if sizes.columns[0].values()[0] == 0 %}
                {% do exceptions.raise_compiler_error(
                    "Raw file '" ~ location ~ "' of table '" ~ table
                    ~ "' is empty (0 bytes): expected a header row with the"
                    ~ " contract's columns. Delete it if the table is optional"
                    ~ " and absent, or re-export it."
                ) %}
            {% endif %}
            {{ return({'location': location, 'sql': sql}) }}
        {% endif %}
    {% endfor %}
    {{ return(none) }}
{% endmacro %}


{# Zero rows with the contract's columns, every one as text. #}
{% macro crm_empty_raw_select(spec) %}
    {% set select_list = [] %}
    {% for column in spec.columns %}
        {% do select_list.append(
            'cast(null as ' ~ dbt.type_string() ~ ') as ' ~ column.name
        ) %}
    {% endfor %}
    {{ return('select ' ~ select_list | join(', ') ~ ' where 1 = 0') }}
{% endmacro %}


{% macro crm_write_raw_inventory(schema, inventory) %}
    {% set rows = [] %}
    {% for table, is_required, is_present, location in inventory %}
        {% do rows.append(
            "select '" ~ table ~ "' as table_name, "
            ~ is_required ~ " as is_required, "
            ~ is_present ~ " as is_present, "
            ~ ("cast(null as " ~ dbt.type_string() ~ ")" if location is none
               else "cast('" ~ location ~ "' as " ~ dbt.type_string() ~ ")")
            ~ " as location"
        ) %}
    {% endfor %}
    {% do run_query('drop table if exists ' ~ schema ~ '._crm_raw_tables') %}
    {% do run_query(
        'create table ' ~ schema ~ '._crm_raw_tables as '
        ~ rows | join(' union all ')
    ) %}
{% endmacro %}


{#
    Other engines (Postgres, Spark, ...): the raw tables are already landed
    in `crm_schema` by an EL tool or by the harness loader. Check them and
    create empty placeholders for absent optional tables.
#}
{% macro default__prepare_raw_crm() %}
    {% set schema = var('crm_schema') %}
    {% set contract = crm_contract() %}
    {% set inventory = [] %}
    {#- Spark has no database level #}
    {% set database = target.database if target.database is defined else none %}
    {% do adapter.create_schema(api.Relation.create(database=database, schema=schema)) %}
    {% set adapted = crm_adapted_tables() %}
    {% for table in crm_table_names() if table not in adapted %}
        {% set spec = contract[table] %}
        {% set marker = api.Relation.create(database=database, schema=schema, identifier='_crm_absent_' ~ table) %}
        {% set relation = adapter.get_relation(database=database, schema=schema, identifier=table) %}
        {% set was_placeholder = adapter.get_relation(database=database, schema=schema, identifier='_crm_absent_' ~ table) is not none %}
        {% if relation is none or was_placeholder %}
            {% if spec.required %}
                {% do exceptions.raise_compiler_error(
                    "Required raw table '" ~ table ~ "' not found in schema '" ~ schema ~ "'."
                ) %}
            {% endif %}
            {% do run_query('drop table if exists ' ~ schema ~ '.' ~ table) %}
            {% do run_query('create table ' ~ schema ~ '.' ~ table ~ ' as ' ~ crm_empty_raw_select(spec)) %}
            {% do run_query('drop table if exists ' ~ marker) %}
            {% do run_query('create table ' ~ marker ~ ' as select 1 as absent') %}
            {% do inventory.append((table, spec.required, false, none)) %}
        {% else %}
            {% do crm_check_raw_columns(
                table, schema ~ '.' ~ table,
                adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list
            ) %}
            {% do inventory.append((table, spec.required, true, schema ~ '.' ~ table)) %}
        {% endif %}
    {% endfor %}
    {% for table in adapted %}
        {% do inventory.append((table, contract[table].required, true, var('crm_source') ~ '__' ~ table)) %}
    {% endfor %}
    {% do crm_write_raw_inventory(schema, inventory) %}
{% endmacro %}


{# Postgres: the default checks, after the try-cast functions exist. #}
{% macro postgres__prepare_raw_crm() %}
    {% do run_query('create schema if not exists ' ~ var('crm_schema')) %}
    {% do run_query(crm_postgres_try_cast_functions(var('crm_schema'))) %}
    {% do default__prepare_raw_crm() %}
{% endmacro %}
