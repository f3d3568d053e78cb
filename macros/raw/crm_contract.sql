{#
    The raw CRM input contract as data, read from the `crm` source's YAML
    (models/staging/crm/_crm__sources.yml: table and column config.meta),
    where it is written once. Everything that reads raw data (the raw-file
    hook, the base models, the data-quality marts) gets it from here; the
    Python side reads the same YAML (crosssell/contract.py).

    dbt cannot always see the sources: while parsing, `graph` is empty (and
    the ref()s a model calls then become its dependencies, so the data-quality
    marts need the table list), and a unit test's `graph` is empty too. There
    crm_contract() returns crm_contract_snapshot(), a copy of the YAML written
    by `python -m harness.contract`; whenever the sources are visible it
    builds the contract from them and stops the run if the copy differs.

    crm_contract() returns one entry per raw table, in load order:
      required     the build stops when the table is absent
      primary_key  list of columns; rows sharing it are versions of a record
      columns      in the YAML's order, each with
                     name, type  (the meta's contract_type)
                     nullable    (false unless the meta says true: a null
                                  rejects the row as missing_required_field)
                     references  (parent table or none; a required key that
                                  points nowhere rejects the row as
                                  orphan_reference, a nullable one is set to
                                  null and counted)
                     values      (enum values or none, compared lower-cased)
                     rules       (the column's value rules, or [])
                     personal    (true for names of people and companies:
                                  masked in the rejected rows' raw values)
      rules        every column's rules in column order: SQL conditions on
                   the typed columns that, when true, reject the row as
                   invalid_value

    Types: text, enum (text, lower-cased), currency (text, upper-cased and
    checked against the currency_rates seed), stage (text, mapped through the
    crm_stage_map seed), integer, decimal, boolean, date, timestamp.
#}
{% macro crm_contract() %}
    {% if 'sources' not in graph %}
        {{ return(crm_contract_snapshot()) }}
    {% endif %}
    {% set contract = {} %}
    {% for source in crm_contract_sources() %}
        {% set table_meta = source.config.meta %}
        {% for key in ['required', 'primary_key', 'load_order'] if key not in table_meta %}
            {% do exceptions.raise_compiler_error(
                "Raw contract: source table crm." ~ source.name ~ " has no '"
                ~ key ~ "' in its config.meta (models/staging/crm/_crm__sources.yml)."
            ) %}
        {% endfor %}
        {% set columns = [] %}
        {% set rules = [] %}
        {% for column in source.columns.values() %}
            {% set meta = column.config.meta %}
            {% if meta.get('contract_type') not in crm_contract_types() %}
                {% do exceptions.raise_compiler_error(
                    "Raw contract: column crm." ~ source.name ~ "." ~ column.name
                    ~ " needs a contract_type in its config.meta, one of "
                    ~ crm_contract_types() | join(', ') ~ "."
                ) %}
            {% endif %}
            {% do columns.append({
                'name': column.name,
                'type': meta.contract_type,
                'nullable': meta.get('nullable', false),
                'references': meta.get('references'),
                'values': meta.get('values'),
                'rules': meta.get('rules', []),
                'personal': meta.get('personal', false),
            }) %}
            {% do rules.extend(meta.get('rules', [])) %}
        {% endfor %}
        {% do contract.update({source.name: {
            'required': table_meta.required,
            'primary_key': table_meta.primary_key,
            'columns': columns,
            'rules': rules,
        }}) %}
    {% endfor %}
    {% do crm_check_contract_snapshot(contract) %}
    {{ return(contract) }}
{% endmacro %}


{# Tables in dependency order: parents before children. #}
{% macro crm_table_names() %}
    {{ return(crm_contract().keys() | list) }}
{% endmacro %}


{# The crm source's tables that are part of the contract, in load order. #}
{% macro crm_contract_sources() %}
    {{ return(
        graph.sources.values()
        | selectattr('source_name', 'equalto', 'crm')
        | rejectattr('name', 'equalto', 'raw_table_inventory')
        | sort(attribute='config.meta.load_order')
        | list
    ) }}
{% endmacro %}


{% macro crm_contract_types() %}
    {{ return([
        'text', 'enum', 'currency', 'stage', 'integer', 'decimal', 'boolean',
        'date', 'timestamp',
    ]) }}
{% endmacro %}


{# Stop the run when the snapshot is not the YAML's contract. #}
{% macro crm_check_contract_snapshot(contract) %}
    {% set snapshot = crm_contract_snapshot() %}
    {% set differing = [] %}
    {% for table in (contract.keys() | list) + (snapshot.keys() | list) %}
        {% if contract.get(table) != snapshot.get(table) and table not in differing %}
            {% do differing.append(table) %}
        {% endif %}
    {% endfor %}
    {% if not differing and contract.keys() | list != snapshot.keys() | list %}
        {% do differing.append('the load order') %}
    {% endif %}
    {% if differing %}
        {% do exceptions.raise_compiler_error(
            "Raw contract: macros/raw/crm_contract_snapshot.sql differs from"
            ~ " models/staging/crm/_crm__sources.yml (" ~ differing | join(', ')
            ~ "); rewrite it with `python -m harness.contract`."
        ) %}
    {% endif %}
{% endmacro %}
