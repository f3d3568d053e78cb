{#
    Current, valid, not deleted survey responses (base status candidate).
    Whether the account is loaded is decided in
    int_survey_responses_resolved.
#}
with

base_survey_responses as (
    select * from {{ ref('base_crm__survey_responses') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        response_id,
        account_id,
        _record_key,
        -- strings
        survey_type,
        -- numerics
        score,
        -- timestamps
        responded_at
    from base_survey_responses
)

select * from final
