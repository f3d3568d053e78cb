{# Every raw survey_responses row, typed and classified: see macros/staging/crm_base_model.sql. #}
{{ crm_base_model('survey_responses') }}
