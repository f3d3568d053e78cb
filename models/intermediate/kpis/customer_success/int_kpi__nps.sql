{#
    nps (score, -100 to 100): promoters (score 9 or 10) minus detractors
    (0 to 6), over the nps responses given in the period; the numerator is
    promoters minus detractors, so it can be negative.
    Breakdowns: overall, segment (of the responding account),
    product_holding (none, single or multi by the products held when
    responding).
#}
with

survey_responses as (
    select * from {{ ref('int_survey_responses_in_periods') }}
),

nps_responses as (
    select * from survey_responses
    where survey_type = 'nps'
),

breakdowns as (
    select
        grain,
        period_start,
        score,
        'overall' as dimension,
        'all' as dimension_value
    from nps_responses
    union all
    select
        grain,
        period_start,
        score,
        'segment' as dimension,
        coalesce(
            cast(segment as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from nps_responses
    union all
    select
        grain,
        period_start,
        score,
        'product_holding' as dimension,
        product_holding as dimension_value
    from nps_responses
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(
            case when score >= 9 then 1 when score <= 6 then -1 else 0 end
        ) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
