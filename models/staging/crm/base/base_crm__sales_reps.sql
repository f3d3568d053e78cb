{# Every raw sales_reps row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__sales_reps that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'sales_reps') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__sales_reps') %}
{%- endif %}
{{ crm_base_model('sales_reps', raw_rows) }}
