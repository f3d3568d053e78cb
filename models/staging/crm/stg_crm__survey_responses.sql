{# Loaded survey responses of loaded accounts. #}
with

base_survey_responses as (
    select * from {{ ref('base_crm__survey_responses') }}
    where _dq_status = 'candidate'
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

final as (
    select
        -- ids
        base_survey_responses.response_id,
        base_survey_responses.account_id,
        base_survey_responses._record_key,
        -- strings
        base_survey_responses.survey_type,
        -- numerics
        base_survey_responses.score,
        -- timestamps
        base_survey_responses.responded_at
    from base_survey_responses
    inner join accounts
        on base_survey_responses.account_id = accounts.account_id
)

select * from final
