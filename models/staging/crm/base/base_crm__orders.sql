{# Every raw orders row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- a large fact table: incremental, see the macro and the README #}
{{
    config(
        materialized=crm_fact_materialization(),
        unique_key='_batch_key',
        incremental_strategy='delete+insert',
        on_schema_change='fail'
    )
}}
{{ crm_base_model('orders') }}
