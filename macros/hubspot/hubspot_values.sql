{#
    Small expression helpers of the HubSpot adapter models
    (models/staging/hubspot). Each returns one SQL expression; none writes a
    CTE or a ref.
#}

{# A landed value as trimmed text, empty -> null. #}
{% macro hubspot_text(column) %}
    {{- "nullif(trim(cast(" ~ column ~ " as " ~ dbt.type_string() ~ ")), '')" -}}
{% endmacro %}


{# A landed flag ('true', '1', a boolean...): true, else false (never null). #}
{% macro hubspot_flag(column) %}
    {{- 'coalesce(' ~ crm_parse_value(hubspot_text(column), 'boolean') ~ ', false)' -}}
{% endmacro %}


{# 'true' or 'false': the contract's is_deleted text. #}
{% macro hubspot_boolean_text(condition) %}
    {{- "case when " ~ condition ~ " then 'true' else 'false' end" -}}
{% endmacro %}


{# A decimal computed from landed text, as text with the numeric type's scale. #}
{% macro hubspot_decimal_text(expression) %}
    {{- 'cast(cast(' ~ expression ~ ' as ' ~ dbt.type_numeric() ~ ') as '
        ~ dbt.type_string() ~ ')' -}}
{% endmacro %}


{#
    Whether `expressions` (SQL expressions: an id, a label...) match one of
    `values`, a var's value: null (or empty) means every value matches; a
    single value or a list of them is compared as text.
#}
{% macro hubspot_matches_var(expressions, values) %}
    {%- if values is none or values == [] or values == '' -%}
        {{- return('true') -}}
    {%- endif -%}
    {%- set listed = [values] if values is string or values is number else values -%}
    {%- set quoted = [] -%}
    {%- for value in listed -%}
        {%- do quoted.append("'" ~ (value | string | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {%- set tests = [] -%}
    {%- for expression in expressions -%}
        {%- do tests.append('coalesce(' ~ expression ~ ' in (' ~ quoted | join(', ') ~ '), false)') -%}
    {%- endfor -%}
    {{- return('(' ~ tests | join(' or ') ~ ')') -}}
{% endmacro %}


{# A var's value as a quoted SQL text literal (null when the var is null). #}
{% macro hubspot_var_text(name) %}
    {%- set value = var(name) -%}
    {%- if value is none -%}
        {{- return('cast(null as ' ~ dbt.type_string() ~ ')') -}}
    {%- endif -%}
    {{- return("'" ~ (value | string | replace("'", "''")) ~ "'") -}}
{% endmacro %}


{#
    History mode: true for a version Fivetran has closed (_fivetran_active
    false). A record deleted in HubSpot keeps only closed versions, so a
    closed latest version means deleted; an older closed version is
    superseded by the newer one anyway. False when the column is empty
    (tables not in history mode).
#}
{% macro hubspot_is_closed_version(column) %}
    {{- 'not coalesce(' ~ crm_parse_value(hubspot_text(column), 'boolean') ~ ', true)' -}}
{% endmacro %}


{#
    An id read from a HubSpot number property (property_associatedcompanyid,
    property_hs_product_id): a connector that types the property as a
    double lands 101 as '101.0', which would match no id; the '.0' is
    dropped.
#}
{% macro hubspot_property_id(column) %}
    {%- set text = hubspot_text(column) -%}
    {{- "case when " ~ text ~ " like '%.0' then substring(" ~ text ~ ", 1, length("
        ~ text ~ ") - 2) else " ~ text ~ " end" -}}
{% endmacro %}
