{# Every raw orders row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__orders that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'orders') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__orders') %}
{%- endif %}
{{ crm_base_model(
    'orders', raw_rows,
    currency_rates=ref('currency_rates')
) }}
