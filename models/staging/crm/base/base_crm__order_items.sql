{# Every raw order_items row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- the raw rows: the contract's table, or the CRM's rows mapped onto it #}
{%- if var('crm_source', 'contract') == 'salesforce' %}
{%- set raw_rows = ref('salesforce__order_items') %}
{%- elif var('crm_source', 'contract') == 'hubspot' %}
{%- set raw_rows = ref('hubspot__order_items') %}
{%- else %}
{%- set raw_rows = source('crm', 'order_items') %}
{%- endif %}
{{ crm_base_model('order_items', raw_rows) }}
