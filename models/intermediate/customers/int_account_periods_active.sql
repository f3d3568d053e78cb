{#
    One row per (customer, grain, period) where the customer is active
    during [s, e): first_purchase_at < e and (churned_at is null or
    churned_at >= s). all_time is left out. The base of every account-level
    KPI: activity at s and e, holdings at s and e, cross-purchase events,
    churn and revenue within the period, and the account's dimensions.
#}
with

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

order_items_monthly as (
    select * from {{ ref('int_order_items_monthly') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

period_months as (
    select * from {{ ref('int_calendar_period_months') }}
),

customers as (
    select * from accounts_first_purchased
    where is_customer
),

active_periods as (
    select
        customers.account_id,
        calendar_periods.grain,
        calendar_periods.period_start,
        calendar_periods.period_end,
        calendar_periods.period_start_at,
        calendar_periods.period_end_at,
        customers.first_purchase_at,
        customers.churned_at
    from customers
    inner join calendar_periods
        on
            customers.first_purchase_at < calendar_periods.period_end_at
            and (
                customers.churned_at is null
                or customers.churned_at >= calendar_periods.period_start_at
            )
),

holdings as (
    select
        active_periods.account_id,
        active_periods.grain,
        active_periods.period_start,
        sum(
            case
                when
                    account_products.first_purchased_at
                    < active_periods.period_start_at
                    then 1
                else 0
            end
        ) as holding_at_start,
        sum(
            case
                when
                    account_products.first_purchased_at
                    < active_periods.period_end_at
                    then 1
                else 0
            end
        ) as holding_at_end,
        max(
            case
                when
                    account_products.is_cross_purchase_event
                    and account_products.first_purchased_at
                    >= active_periods.period_start_at
                    and account_products.first_purchased_at
                    < active_periods.period_end_at
                    then 1
                else 0
            end
        ) as has_cross_purchase_event
    from active_periods
    inner join account_products
        on active_periods.account_id = account_products.account_id
    group by 1, 2, 3
),

period_revenue as (
    select
        order_items_monthly.account_id,
        period_months.grain,
        period_months.period_start,
        sum(order_items_monthly.revenue_usd) as revenue_usd
    from order_items_monthly
    inner join period_months
        on order_items_monthly.month_start = period_months.month_start
    group by 1, 2, 3
),

final as (
    select
        -- ids
        active_periods.account_id,
        customers.owner_rep_id,
        -- strings
        active_periods.grain,
        customers.segment,
        customers.industry,
        customers.region,
        customers.customer_type,
        customers.age_band,
        -- numerics
        holdings.holding_at_start,
        holdings.holding_at_end,
        cast(
            coalesce(period_revenue.revenue_usd, 0) as {{ type_double() }}
        ) as revenue_usd,
        -- booleans
        active_periods.first_purchase_at < active_periods.period_start_at
        and (
            active_periods.churned_at is null
            or active_periods.churned_at >= active_periods.period_start_at
        ) as is_active_at_start,
        (
            active_periods.churned_at is null
            or active_periods.churned_at >= active_periods.period_end_at
        ) as is_active_at_end,
        coalesce(
            active_periods.churned_at < active_periods.period_end_at
            and active_periods.first_purchase_at < active_periods.churned_at,
            false
        ) as is_churned_in_period,
        holdings.has_cross_purchase_event = 1 as has_cross_purchase_event,
        -- dates
        active_periods.period_start,
        active_periods.period_end
    from active_periods
    inner join customers
        on active_periods.account_id = customers.account_id
    inner join holdings
        on
            active_periods.account_id = holdings.account_id
            and active_periods.grain = holdings.grain
            and active_periods.period_start = holdings.period_start
    left join period_revenue
        on
            active_periods.account_id = period_revenue.account_id
            and active_periods.grain = period_revenue.grain
            and active_periods.period_start = period_revenue.period_start
)

select * from final
