{# Every raw opportunities row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- grows with the accounts: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or (crm_source salesforce, hubspot)
    the CRM adapter's model <crm>__opportunities that maps the CRM's rows onto it #}
{%- if crm_adapter_name() is none %}
{%- set raw_rows = source('crm', 'opportunities') %}
{%- else %}
{%- set raw_rows = ref(crm_adapter_name() ~ '__opportunities') %}
{%- endif %}
{{ crm_base_model(
    'opportunities', raw_rows,
    currency_rates=ref('currency_rates'),
    crm_stage_map=ref('crm_stage_map')
) }}
