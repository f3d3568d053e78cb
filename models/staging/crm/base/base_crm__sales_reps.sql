{# Every raw sales_reps row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- the raw rows: the contract's table, or the CRM's rows mapped onto it #}
{%- if var('crm_source', 'contract') == 'salesforce' %}
{%- set raw_rows = ref('salesforce__sales_reps') %}
{%- elif var('crm_source', 'contract') == 'hubspot' %}
{%- set raw_rows = ref('hubspot__sales_reps') %}
{%- else %}
{%- set raw_rows = source('crm', 'sales_reps') %}
{%- endif %}
{{ crm_base_model('sales_reps', raw_rows) }}
