{# Every raw interactions row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__interactions that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'interactions') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__interactions') %}
{%- endif %}
{{ crm_base_model('interactions', raw_rows) }}
