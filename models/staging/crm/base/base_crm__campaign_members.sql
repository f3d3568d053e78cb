{# Every raw campaign_members row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- grows with the accounts: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__campaign_members that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'campaign_members') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__campaign_members') %}
{%- endif %}
{{ crm_base_model('campaign_members', raw_rows) }}
