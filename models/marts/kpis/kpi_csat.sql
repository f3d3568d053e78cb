{#
    csat (percent): csat responses in [s, e) scoring 4 or 5 / csat responses
    in [s, e). product_holding (none, single, multi) at the response.
#}
with

survey_responses as (
    select * from {{ ref('int_survey_responses_in_periods') }}
),

responses_in_periods as (
    select * from survey_responses
    where survey_type = 'csat'
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
