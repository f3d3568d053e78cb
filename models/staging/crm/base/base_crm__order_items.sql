{# Every raw order_items row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__order_items that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'order_items') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__order_items') %}
{%- endif %}
{{ crm_base_model('order_items', raw_rows) }}
