{#
    nps (score, -100 to 100): 100 * (promoters scoring 9-10 - detractors
    scoring 0-6) / nps responses in [s, e). The numerator is promoters -
    detractors. product_holding (none, single, multi) at the response.
#}
with

survey_responses as (
    select * from {{ ref('int_survey_responses_in_periods') }}
),

responses_in_periods as (
    select * from survey_responses
    where survey_type = 'nps'
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'responses_in_periods',
        account_dimensions(['overall', 'segment'])
        + [['product_holding', 'product_holding']],
        'sum(case when score >= 9 then 1 when score <= 6 then -1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize('kpi_rows', 'nps', 'customer_success', 'score', 'rate') }}

select * from final
