{# Every raw opportunities row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- grows with the accounts: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{{ crm_base_model('opportunities') }}
