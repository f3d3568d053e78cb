{#
    Every raw sales_reps, accounts and survey_responses row, with what
    happened to it after its base model: whether it was loaded and, for a
    row with required parents, which of them were not loaded (see
    int_crm_row_outcomes, which unions the five int_crm_rows_checked_*
    models).
#}
with

base_sales_reps as (
    select * from {{ ref('base_crm__sales_reps') }}
),

base_accounts as (
    select * from {{ ref('base_crm__accounts') }}
),

base_survey_responses as (
    select * from {{ ref('base_crm__survey_responses') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

survey_responses as (
    select * from {{ ref('int_survey_responses_resolved') }}
),

{# a rep has no parent: every candidate is loaded #}
sales_reps_checked as (
    select
        'sales_reps' as table_name,
        _record_key as record_key,
        _dq_status as base_status,
        _dq_reason as base_reason,
        _dq_failed_columns as base_failed_columns,
        _dq_status = 'candidate' as is_loaded,
        cast(null as {{ dbt.type_string() }}) as missing_parent_columns,
        0 as dangling_reference_count,
        _loaded_at as loaded_at,
        case
            when _dq_status = 'rejected' then _raw_values
        end as raw_values
    from base_sales_reps
),

accounts_checked as (
    select
        'accounts' as table_name,
        base_accounts._record_key as record_key,
        base_accounts._dq_status as base_status,
        base_accounts._dq_reason as base_reason,
        base_accounts._dq_failed_columns as base_failed_columns,
        accounts._record_key is not null as is_loaded,
        cast(null as {{ dbt.type_string() }}) as missing_parent_columns,
        coalesce(accounts._dangling_reference_count, 0)
            as dangling_reference_count,
        base_accounts._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                accounts._record_key is null
                and base_accounts._dq_status in ('candidate', 'rejected')
                then base_accounts._raw_values
        end as raw_values
    from base_accounts
    left join accounts
        on
            base_accounts._dq_status = 'candidate'
            and base_accounts._record_key = accounts._record_key
),

survey_responses_checked as (
    select
        'survey_responses' as table_name,
        base_survey_responses._record_key as record_key,
        base_survey_responses._dq_status as base_status,
        base_survey_responses._dq_reason as base_reason,
        base_survey_responses._dq_failed_columns as base_failed_columns,
        survey_responses._record_key is not null as is_loaded,
        case
            when accounts.account_id is null then 'account_id'
        end as missing_parent_columns,
        0 as dangling_reference_count,
        base_survey_responses._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                survey_responses._record_key is null
                and base_survey_responses._dq_status in (
                    'candidate', 'rejected'
                )
                then base_survey_responses._raw_values
        end as raw_values
    from base_survey_responses
    left join survey_responses
        on
            base_survey_responses._dq_status = 'candidate'
            and base_survey_responses._record_key
            = survey_responses._record_key
    left join accounts
        on base_survey_responses.account_id = accounts.account_id
),

final as (
    select * from sales_reps_checked
    union all
    select * from accounts_checked
    union all
    select * from survey_responses_checked
)

select * from final
