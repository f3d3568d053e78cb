{#
    customer_lifetime_value (usd): gross_margin (var) times the revenue of
    the period of the accounts active during it, divided by the customers
    that churned in the period: ARPA over churn rate, both taken on the
    same accounts. No churn gives a denominator of 0.
    The numerator is money: gross_margin * revenue is rounded to the money
    type's 6 decimals, the same on every engine.
    Breakdowns: overall, segment.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where dimension in ('overall', 'segment')
),

breakdowns as (
    select
        account_periods.grain,
        account_periods.period_start,
        account_periods.revenue_usd,
        account_periods.is_churned_in_period,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from account_periods
    inner join account_dimensions
        on account_periods.account_id = account_dimensions.account_id
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        cast(
            {{ var('gross_margin') }} * sum(revenue_usd) as {{ type_money() }}
        ) as numerator,
        sum(case when is_churned_in_period then 1 else 0 end) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
