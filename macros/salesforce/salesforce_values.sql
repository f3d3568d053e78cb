{#
    Expressions shared by the salesforce__ adapter models (no CTEs, no
    refs). Every landed column arrives as text (the on-run-start hook's
    views); these read it with the project's parsers, so true/1/typed
    values and the date spellings the contract accepts all work.
#}

{# A Salesforce checkbox read as a boolean; empty or unreadable = false. #}
{% macro salesforce_flag(column) %}
    {{ return('coalesce(' ~ crm_parse_value(column, 'boolean') ~ ', false)') }}
{% endmacro %}


{#
    The contract's is_deleted, as text: the recycle bin (is_deleted), a
    delete Fivetran saw (_fivetran_deleted), or a history-mode version that
    is no longer active (the last version of a deleted record; older
    versions are superseded whatever they say). Tables without is_deleted
    (user, user_role) pass has_is_deleted=false.
#}
{% macro salesforce_is_deleted(relation, has_is_deleted=true) %}
    {% set checks = [] %}
    {% if has_is_deleted %}
        {% do checks.append(salesforce_flag(relation ~ '.is_deleted')) %}
    {% endif %}
    {% do checks.append(salesforce_flag(relation ~ '._fivetran_deleted')) %}
    {% do checks.append(
        'not coalesce(' ~ crm_parse_value(relation ~ '._fivetran_active', 'boolean')
        ~ ', true)'
    ) %}
    {{ return(
        "case when " ~ checks | join(' or ') ~ " then 'true' else 'false' end"
    ) }}
{% endmacro %}


{#
    The contract's _loaded_at: when a history-mode version began
    (_fivetran_start), else when Fivetran wrote the row (_fivetran_synced).
#}
{% macro salesforce_loaded_at(relation) %}
    {{ return(
        'coalesce(' ~ relation ~ '._fivetran_start, ' ~ relation
        ~ '._fivetran_synced)'
    ) }}
{% endmacro %}


{# A lookup key: trimmed and lower-cased text. #}
{% macro salesforce_key(expression) %}
    {{ return('lower(trim(' ~ expression ~ '))') }}
{% endmacro %}


{# Cast to the engine's text type. #}
{% macro salesforce_text(expression) %}
    {{ return('cast(' ~ expression ~ ' as ' ~ dbt.type_string() ~ ')') }}
{% endmacro %}


{# The currency of a money row: its own (multi-currency orgs) or the org's. #}
{% macro salesforce_currency(relation) %}
    {{ return(
        'coalesce(' ~ salesforce_value(relation ~ '.currency_iso_code') ~ ", '"
        ~ var('salesforce_currency', 'USD') ~ "')"
    ) }}
{% endmacro %}


{# Trimmed text, an empty value null (as the contract reads every value). #}
{% macro salesforce_value(expression) %}
    {{ return("nullif(trim(" ~ expression ~ "), '')") }}
{% endmacro %}
