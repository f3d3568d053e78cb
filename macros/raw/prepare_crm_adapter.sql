{#
    CRM adapters (crm_source: salesforce or hubspot). The on-run-start hook
    calls prepare_crm_adapter() before it prepares the contract's tables:
    for every table of the CRM's source (models/staging/<crm>/
    _<crm>__sources.yml) it creates the view <crm_schema>.<crm>__<table>
    with every column the YAML lists, each as text, whatever type the
    connector landed. The adapter models read those views only.

    Where the CRM's tables are read from:
      var <crm>_schema set   that schema, as the connector landed it (any
                             engine)
      var <crm>_schema null  DuckDB only: the files of CRM_RAW_DIR named
                             after the CRM's tables (account.csv, a folder
                             opportunity/ of parquet files ...)

    Column names of files are first converted the way the connector names
    them (AccountId -> account_id, Product2Id -> product_2_id, Segment__c ->
    segment_c), so a CSV export with API names reads too. Per column of the
    YAML (config.meta):
      optional: true     absent -> null
      field_var: <var>   read the column named by that var (a custom
                         field); the var null -> null
      otherwise          absent -> the run stops with one line naming the
                         CRM, the table and the column
    Per table: config.meta.required false -> absent means an empty view;
    required (the default) -> the run stops with one line.
#}
{% macro prepare_crm_adapter() %}
    {% set crm = crm_adapter_name() %}
    {% if crm is none %}
        {{ return(none) }}
    {% endif %}
    {% set landed_schema = var(crm ~ '_schema', none) %}
    {% if landed_schema is none and target.type != 'duckdb' %}
        {% do exceptions.raise_compiler_error(
            "crm_source is " ~ crm ~ ": set var " ~ crm ~ "_schema to the schema"
            ~ " your connector lands " ~ crm_adapter_label(crm) ~ " in (only"
            ~ " DuckDB reads files from CRM_RAW_DIR)."
        ) %}
    {% endif %}
    {% set tables = crm_adapter_source_tables(crm) %}
    {% if not tables %}
        {% do exceptions.raise_compiler_error(
            "crm_source is " ~ crm ~ " but the project has no source '" ~ crm
            ~ "' (models/staging/" ~ crm ~ "/_" ~ crm ~ "__sources.yml)."
        ) %}
    {% endif %}
    {% do run_query('create schema if not exists ' ~ var('crm_schema')) %}
    {% for table in tables %}
        {% set landed = crm_adapter_landed_table(crm, table, landed_schema) %}
        {% if landed is none %}
            {% if table.required %}
                {% do exceptions.raise_compiler_error(
                    crm_adapter_label(crm) ~ " table '" ~ table.name ~ "' not found in "
                    ~ crm_adapter_place(crm, landed_schema) ~ ": the mapping needs it."
                ) %}
            {% endif %}
            {% set select_sql = crm_adapter_empty_select(table) %}
            {% do log(crm_adapter_label(crm) ~ " table " ~ table.name ~ " is absent: read as empty.", info=true) %}
        {% else %}
            {% set select_sql = crm_adapter_select(crm, table, landed) %}
        {% endif %}
        {% do run_query(
            'create or replace view ' ~ var('crm_schema') ~ '.' ~ table.identifier
            ~ ' as ' ~ select_sql
        ) %}
    {% endfor %}
{% endmacro %}


{#
    The CRM named by the var crm_source (salesforce, hubspot), or none when
    the raw rows are the contract's own tables (contract, the default). Any
    other value stops the run (also while parsing: the base models call it).
#}
{% macro crm_adapter_name() %}
    {% set name = var('crm_source', 'contract') %}
    {% if name not in ('contract', 'salesforce', 'hubspot') %}
        {% do exceptions.raise_compiler_error(
            "var crm_source is '" ~ name ~ "': expected contract, salesforce or hubspot."
        ) %}
    {% endif %}
    {{ return(none if name == 'contract' else name) }}
{% endmacro %}


{% macro crm_adapter_label(crm) %}
    {{ return({'salesforce': 'Salesforce', 'hubspot': 'HubSpot'}.get(crm, crm)) }}
{% endmacro %}


{% macro crm_adapter_place(crm, landed_schema) %}
    {% if landed_schema is none %}
        {{ return("CRM_RAW_DIR='" ~ env_var('CRM_RAW_DIR', 'data/demo')
            ~ "' (expected <table>.csv, .csv.gz, .parquet or a folder of .parquet files)") }}
    {% endif %}
    {{ return("schema '" ~ landed_schema ~ "' (var " ~ crm ~ "_schema)") }}
{% endmacro %}


{#
    The contract tables whose rows come from the CRM adapter: those with an
    enabled model <crm>__<table>. The hook leaves them out of the contract's
    checks; the base models read the adapter model instead.
#}
{% macro crm_adapted_tables() %}
    {% set crm = crm_adapter_name() %}
    {% if crm is none %}
        {{ return([]) }}
    {% endif %}
    {% set models = graph.nodes.values()
        | selectattr('resource_type', 'equalto', 'model')
        | map(attribute='name') | list %}
    {% set adapted = [] %}
    {% for table in crm_table_names() if crm ~ '__' ~ table in models %}
        {% do adapted.append(table) %}
    {% endfor %}
    {{ return(adapted) }}
{% endmacro %}


{# The CRM source's tables: name, identifier, required, columns. #}
{% macro crm_adapter_source_tables(crm) %}
    {% set tables = [] %}
    {% for source in graph.sources.values() | selectattr('source_name', 'equalto', crm) | sort(attribute='name') %}
        {% set columns = [] %}
        {% for column in source.columns.values() %}
            {% set meta = column.config.meta %}
            {% do columns.append({
                'name': column.name,
                'optional': meta.get('optional', false),
                'field_var': meta.get('field_var'),
            }) %}
        {% endfor %}
        {% do tables.append({
            'name': source.name,
            'identifier': source.identifier,
            'required': source.config.meta.get('required', true),
            'columns': columns,
        }) %}
    {% endfor %}
    {{ return(tables) }}
{% endmacro %}


{#
    Where one CRM table is: {location, from_sql, columns (names as found)},
    or none when it is absent.
#}
{% macro crm_adapter_landed_table(crm, table, landed_schema) %}
    {% if landed_schema is none %}
        {% set reader = crm_duckdb_raw_reader(env_var('CRM_RAW_DIR', 'data/demo') | replace("'", "''"), table.name) %}
        {% if reader is none %}
            {{ return(none) }}
        {% endif %}
        {% set described = run_query('describe select * from ' ~ reader.sql) %}
        {{ return({
            'location': reader.location,
            'from_sql': reader.sql,
            'columns': described.columns[0].values() | list,
        }) }}
    {% endif %}
    {% set database = target.database if target.database is defined else none %}
    {% set relation = adapter.get_relation(database=database, schema=landed_schema, identifier=table.name) %}
    {% if relation is none %}
        {{ return(none) }}
    {% endif %}
    {#- quoted: a CRM's table may be a reserved word (Salesforce's order, user) #}
    {{ return({
        'location': relation | string,
        'from_sql': relation.quote(identifier=true) | string,
        'columns': adapter.get_columns_in_relation(relation) | map(attribute='name') | list,
    }) }}
{% endmacro %}


{# A column name as the connector writes it: snake_case, __c -> _c. #}
{% macro crm_connector_column_name(name) %}
    {% set re = modules.re %}
    {% set converted = re.sub('__+', '_', name | trim) %}
    {% set converted = re.sub('([a-z0-9])([A-Z])', '\\1_\\2', converted) %}
    {% set converted = re.sub('([A-Za-z])([0-9])', '\\1_\\2', converted) %}
    {% set converted = re.sub('([A-Z]+)([A-Z][a-z])', '\\1_\\2', converted) %}
    {{ return(converted | lower) }}
{% endmacro %}


{# Every listed column as text, from the landed table. #}
{% macro crm_adapter_select(crm, table, landed) %}
    {% set found = {} %}
    {% for name in landed.columns %}
        {% do found.setdefault(crm_connector_column_name(name), name) %}
    {% endfor %}
    {% for name in landed.columns %}
        {% do found.update({name | lower: name}) %}
    {% endfor %}
    {% set select_list = [] %}
    {% for column in table.columns %}
        {% set wanted = var(column.field_var, none) if column.field_var else column.name %}
        {% set actual = none if wanted is none else found.get(crm_connector_column_name(wanted)) %}
        {% if actual is not none %}
            {% do select_list.append(
                'cast(' ~ adapter.quote(actual) ~ ' as ' ~ dbt.type_string() ~ ') as ' ~ column.name
            ) %}
        {% elif column.field_var and wanted is not none %}
            {% do exceptions.raise_compiler_error(
                crm_adapter_label(crm) ~ " table '" ~ table.name ~ "' (" ~ landed.location
                ~ ") has no column '" ~ wanted ~ "', named by var " ~ column.field_var
                ~ " for " ~ column.name ~ "."
            ) %}
        {% elif column.field_var or column.optional %}
            {% do select_list.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ column.name) %}
        {% else %}
            {% do exceptions.raise_compiler_error(
                crm_adapter_label(crm) ~ " table '" ~ table.name ~ "' (" ~ landed.location
                ~ ") has no column '" ~ column.name ~ "', which the mapping needs."
            ) %}
        {% endif %}
    {% endfor %}
    {{ return('select ' ~ select_list | join(', ') ~ ' from ' ~ landed.from_sql) }}
{% endmacro %}


{# Zero rows with every listed column, as text. #}
{% macro crm_adapter_empty_select(table) %}
    {% set select_list = [] %}
    {% for column in table.columns %}
        {% do select_list.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ column.name) %}
    {% endfor %}
    {{ return('select ' ~ select_list | join(', ') ~ ' where 1 = 0') }}
{% endmacro %}
