{#
    csat (percent): csat responses in [s, e) scoring 4 or 5 / csat responses
    in [s, e). product_holding (none, single, multi) at the response.
#}
with

survey_responses as (
    select * from {{ ref('int_survey_responses_classified') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

responses_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        survey_responses.score,
        survey_responses.segment,
        survey_responses.product_holding
    from survey_responses
    inner join calendar_periods
        on {{ in_period('survey_responses.responded_at') }}
    where survey_responses.survey_type = 'csat'
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'responses_in_periods',
        account_dimensions(['overall', 'segment'])
        + [['product_holding', 'product_holding']],
        'sum(case when score >= 4 then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize('kpi_rows', 'csat', 'customer_success', 'percent', 'rate') }}

select * from final
