{#
    Goals from history: for every KPI's overall quarterly series, the
    average of the non-null values among the last four complete quarters
    (baseline_value), and suggested_target = baseline_value * (1 + var
    target_growth_rate), capped at 100 for percentages and scores. For
    KPIs where lower is better (churn_rate,
    sales_cycle_length, time_to_cross_sell) use a negative growth rate.
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
),

ranked_quarters as (
    select
        period_start,
        period_end,
        row_number() over (order by period_start desc) as quarters_back
    from calendar_periods
    where grain = 'quarter' and is_complete_period
),

last_four_quarters as (
    select * from ranked_quarters
    where quarters_back <= 4
),

overall_quarters as (
    select * from kpi_scorecard
    where grain = 'quarter' and dimension = 'overall'
),

baselines as (
    select
        overall_quarters.kpi_id,
        overall_quarters.kpi_category,
        overall_quarters.unit,
        min(last_four_quarters.period_start) as baseline_period_start,
        max(last_four_quarters.period_end) as baseline_period_end,
        count(overall_quarters.value) as count_quarters_with_value,
        -- averaged as decimals: a sum of doubles depends on the row order
        cast(
            avg(cast(overall_quarters.value as decimal(38, 12)))
            as {{ type_double() }}
        ) as baseline_value
    from overall_quarters
    inner join last_four_quarters
        on overall_quarters.period_start = last_four_quarters.period_start
    group by 1, 2, 3
),

final as (
    select
        baselines.*,
        cast(
            {{ var('target_growth_rate') }} as {{ type_double() }}
        ) as target_growth_rate,
        case
            when baselines.unit in ('percent', 'score')
                then least(
                    baselines.baseline_value
                    * (1 + {{ var('target_growth_rate') }}),
                    100
                )
            else
                baselines.baseline_value
                * (1 + {{ var('target_growth_rate') }})
        end as suggested_target
    from baselines
)

select * from final
