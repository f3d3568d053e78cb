{# Survey responses placed in every calendar period (not all_time) they fall in. #}
with

survey_responses as (
    select * from {{ ref('int_survey_responses_classified') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

final as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        survey_responses.response_id,
        survey_responses.survey_type,
        survey_responses.score,
        survey_responses.segment,
        survey_responses.product_holding
    from survey_responses
    inner join calendar_periods
        on {{ in_period('survey_responses.responded_at') }}
)

select * from final
