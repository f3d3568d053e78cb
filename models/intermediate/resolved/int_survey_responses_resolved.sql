{# Loaded survey responses: a response needs its account loaded (int_accounts_resolved). #}
with

survey_responses as (
    select * from {{ ref('stg_crm__survey_responses') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

final as (
    select
        -- ids
        survey_responses.response_id,
        survey_responses.account_id,
        survey_responses._record_key,
        -- strings
        survey_responses.survey_type,
        -- numerics
        survey_responses.score,
        -- timestamps
        survey_responses.responded_at
    from survey_responses
    inner join accounts
        on survey_responses.account_id = accounts.account_id
)

select * from final
