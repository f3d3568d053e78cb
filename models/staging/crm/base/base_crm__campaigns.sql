{# Every raw campaigns row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__campaigns that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'campaigns') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__campaigns') %}
{%- endif %}
{{ crm_base_model('campaigns', raw_rows) }}
