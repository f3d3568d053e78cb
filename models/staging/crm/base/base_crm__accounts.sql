{# Every raw accounts row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- grows with the accounts: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or the CRM's rows mapped onto it #}
{%- if var('crm_source', 'contract') == 'salesforce' %}
{%- set raw_rows = ref('salesforce__accounts') %}
{%- elif var('crm_source', 'contract') == 'hubspot' %}
{%- set raw_rows = ref('hubspot__accounts') %}
{%- else %}
{%- set raw_rows = source('crm', 'accounts') %}
{%- endif %}
{{ crm_base_model('accounts', raw_rows) }}
