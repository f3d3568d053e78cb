{#
    One row per (customer, grain, period) where the customer is active
    during [s, e): first_purchase_at < e and (churned_at is null or
    churned_at >= s). all_time is left out. The base of every account-level
    KPI: activity at s and e, holdings at s and e, cross-purchase events,
    churn and revenue within the period, and the account's dimensions.

    Incremental (delete+insert on the row's key): a run recomputes the
    periods of the customers whose fingerprint (int_accounts_fingerprinted)
    differs from the one stored on their rows, and every customer's rows
    of periods not built yet (a new month, quarter or year). The post-hook
    then deletes rows whose fingerprint is no longer current (a customer
    that changed or stopped being one) and periods past the calendar.
    An account's rows depend only on its own inputs and the calendar, so
    this gives the same rows as a full build.
#}
{{ config(
    materialized=crm_fact_materialization(),
    unique_key=['account_id', 'grain', 'period_start'],
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    post_hook="{{ crm_delete_stale_account_periods() }}"
) }}

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

accounts_fingerprinted as (
    select * from {{ ref('int_accounts_fingerprinted') }}
),

customers as (
    select
        accounts_first_purchased.*,
        accounts_fingerprinted._inputs_fingerprint
    from accounts_first_purchased
    left join accounts_fingerprinted
        on
            accounts_first_purchased.account_id
            = accounts_fingerprinted.account_id
    where accounts_first_purchased.is_customer
),
{%- if is_incremental() %}

built_fingerprints as (
    select distinct _inputs_fingerprint from {{ this }}
),

built_periods as (
    select distinct
        grain,
        period_start
    from {{ this }}
),

changed_customers as (
    select customers.account_id
    from customers
    left join built_fingerprints
        on
            customers._inputs_fingerprint
            = built_fingerprints._inputs_fingerprint
    where built_fingerprints._inputs_fingerprint is null
),

new_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start
    from calendar_periods
    left join built_periods
        on
            calendar_periods.grain = built_periods.grain
            and calendar_periods.period_start = built_periods.period_start
    where built_periods.period_start is null
),
{%- endif %}

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
    {%- if is_incremental() %}
    where
        customers.account_id in (select account_id from changed_customers)
        or exists (
            select 1 from new_periods
            where
                new_periods.grain = calendar_periods.grain
                and new_periods.period_start = calendar_periods.period_start
        )
    {%- endif %}
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
        ) as count_products_held_at_start,
        sum(
            case
                when
                    account_products.first_purchased_at
                    < active_periods.period_end_at
                    then 1
                else 0
            end
        ) as count_products_held_at_end,
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
    {%- if is_incremental() %}
    where
        order_items_monthly.account_id in (
            select account_id from changed_customers
        )
        or exists (
            select 1 from new_periods
            where
                new_periods.grain = period_months.grain
                and new_periods.period_start = period_months.period_start
        )
    {%- endif %}
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
        customers._inputs_fingerprint,
        -- numerics
        holdings.count_products_held_at_start,
        holdings.count_products_held_at_end,
        case
            when
                holdings.count_products_held_at_start
                >= {{ var('multi_product_min_products') }}
                then 'multi'
            else 'single'
        end as product_holding_at_start,
        case
            when
                holdings.count_products_held_at_end
                >= {{ var('multi_product_min_products') }}
                then 'multi'
            else 'single'
        end as product_holding_at_end,
        cast(
            coalesce(period_revenue.revenue_usd, 0) as {{ type_money() }}
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
