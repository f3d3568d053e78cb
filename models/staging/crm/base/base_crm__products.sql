{# Every raw products row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__products that maps the CRM's rows onto it #}
{%- if var('crm_source', 'contract') == 'contract' %}
{%- set raw_rows = source('crm', 'products') %}
{%- else %}
{%- set raw_rows = ref(var('crm_source') ~ '__products') %}
{%- endif %}
{{ crm_base_model('products', raw_rows) }}
