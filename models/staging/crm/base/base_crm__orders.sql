{# Every raw orders row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{{ crm_base_model('orders') }}
