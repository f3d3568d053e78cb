{# Every raw campaigns row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- the raw rows: the contract's table, or the CRM's rows mapped onto it #}
{%- if var('crm_source', 'contract') == 'salesforce' %}
{%- set raw_rows = ref('salesforce__campaigns') %}
{%- elif var('crm_source', 'contract') == 'hubspot' %}
{%- set raw_rows = ref('hubspot__campaigns') %}
{%- else %}
{%- set raw_rows = source('crm', 'campaigns') %}
{%- endif %}
{{ crm_base_model('campaigns', raw_rows) }}
