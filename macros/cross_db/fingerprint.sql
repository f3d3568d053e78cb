{#
    Fingerprints: a text that changes whenever any of the given values
    changes. Incremental models compare them with the fingerprints they
    stored on their last run to find what must be recomputed.

    crm_fingerprint(expressions)       one row's values
    crm_set_fingerprint(expressions)   an aggregate over a group's rows,
                                       independent of row order (the rows
                                       of a group must be distinct)

    Default: md5 of the '|'-joined texts (nulls as \N), the set sorted
    before it is joined. DuckDB: its 64-bit hash(), xor-ed over the set.
#}
{% macro crm_fingerprint(expressions) %}
    {{ return(adapter.dispatch('crm_fingerprint', 'cross_sell')(expressions)) }}
{% endmacro %}

{% macro default__crm_fingerprint(expressions) %}
    {{ return(dbt.hash(crm_fingerprint_text(expressions))) }}
{% endmacro %}

{% macro duckdb__crm_fingerprint(expressions) %}
    {{ return('cast(hash(' ~ expressions | join(', ') ~ ') as varchar)') }}
{% endmacro %}


{% macro crm_set_fingerprint(expressions) %}
    {{ return(adapter.dispatch('crm_set_fingerprint', 'cross_sell')(expressions)) }}
{% endmacro %}

{% macro default__crm_set_fingerprint(expressions) %}
    {%- set text = crm_fingerprint_text(expressions) -%}
    {{ return(dbt.hash(dbt.listagg(text, "';'", 'order by ' ~ text))) }}
{% endmacro %}

{% macro spark__crm_set_fingerprint(expressions) %}
    {%- set text = crm_fingerprint_text(expressions) -%}
    {{ return('md5(array_join(sort_array(collect_list(' ~ text ~ ")), ';'))") }}
{% endmacro %}

{% macro duckdb__crm_set_fingerprint(expressions) %}
    {{ return('cast(bit_xor(hash(' ~ expressions | join(', ') ~ ')) as varchar)') }}
{% endmacro %}


{# The values as one text, '|'-separated, nulls as \N (also the base models' _raw_values). #}
{% macro crm_fingerprint_text(expressions) %}
    {%- set parts = [] -%}
    {%- for expression in expressions -%}
        {%- if not loop.first -%}{%- do parts.append("'|'") -%}{%- endif -%}
        {%- do parts.append(
            'coalesce(cast(' ~ expression ~ ' as ' ~ dbt.type_string() ~ "), '\\N')"
        ) -%}
    {%- endfor -%}
    {{ return(dbt.concat(parts)) }}
{% endmacro %}
