{# Every raw products row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__products that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'products') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__products') %}
{%- endif %}
{{ crm_base_model(
    'products', raw_rows,
    currency_rates=ref('currency_rates')
) }}
