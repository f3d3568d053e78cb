{# Every raw campaign_members row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- grows with the accounts: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or the CRM's rows mapped onto it #}
{%- if var('crm_source', 'contract') == 'salesforce' %}
{%- set raw_rows = ref('salesforce__campaign_members') %}
{%- elif var('crm_source', 'contract') == 'hubspot' %}
{%- set raw_rows = ref('hubspot__campaign_members') %}
{%- else %}
{%- set raw_rows = source('crm', 'campaign_members') %}
{%- endif %}
{{ crm_base_model('campaign_members', raw_rows) }}
