{# Every raw survey_responses row, typed and classified: see macros/staging/crm_base_model.sql. #}
{#- grows with the accounts: incremental, see the macro and the README #}
{{ crm_fact_config() }}
{#- no CRM has a standard home for these rows: always the contract's table #}
{{ crm_base_model('survey_responses', source('crm', 'survey_responses')) }}
