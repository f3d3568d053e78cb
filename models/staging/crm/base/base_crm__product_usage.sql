{# Every raw product_usage row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- no CRM has a standard home for these rows: always the contract's table #}
{{ crm_base_model('product_usage', source('crm', 'product_usage')) }}
