{#
    churn_rate (percent): of the customers active at the start of the
    period, the share whose churned_at falls in the period.
    Breakdowns: overall, segment, product_holding (at the start).
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where dimension in ('overall', 'segment')
),

active_at_start as (
    select * from account_periods
    where is_active_at_start
),

breakdowns as (
    select
        active_at_start.grain,
        active_at_start.period_start,
        active_at_start.is_churned_in_period,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from active_at_start
    inner join account_dimensions
        on active_at_start.account_id = account_dimensions.account_id
    union all
    select
        grain,
        period_start,
        is_churned_in_period,
        'product_holding' as dimension,
        product_holding_at_start as dimension_value
    from active_at_start
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_churned_in_period then 1 else 0 end) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
