{# Every raw accounts row, typed and classified: see macros/staging/crm_base_model.sql. #}
{{ crm_base_model('accounts') }}
