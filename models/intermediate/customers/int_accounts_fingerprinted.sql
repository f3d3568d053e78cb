{#
    One row per customer: a fingerprint of everything
    int_account_periods_active reads about it (its dimensions, first
    purchase and churn, each product's first purchase, its monthly
    revenue to 1/10000 USD). When the fingerprint differs from the one
    stored on the account's rows there, the account's periods are
    recomputed.
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

customers as (
    select * from accounts_first_purchased
    where is_customer
),

products_fingerprinted as (
    select
        account_id,
        {{ crm_set_fingerprint([
            'product_id', 'first_purchased_at', 'is_cross_purchase_event'
        ]) }} as products_fingerprint
    from account_products
    group by 1
),

-- revenue is a sum of doubles: its last bits depend on the order the
-- lines were added in (threads, storage layout): compare it in 1/10000 USD
revenue_fingerprinted as (
    select
        account_id,
        {{ crm_set_fingerprint([
            'product_id', 'month_start', 'round(revenue_usd * 10000)'
        ]) }} as revenue_fingerprint
    from order_items_monthly
    group by 1
),

final as (
    select
        -- ids
        customers.account_id,
        -- strings
        {{ crm_fingerprint([
            'customers.account_id',
            'customers.owner_rep_id',
            'customers.segment',
            'customers.industry',
            'customers.region',
            'customers.customer_type',
            'customers.age_band',
            'customers.first_purchase_at',
            'customers.churned_at',
            'products_fingerprinted.products_fingerprint',
            'revenue_fingerprinted.revenue_fingerprint'
        ]) }} as _inputs_fingerprint
    from customers
    left join products_fingerprinted
        on customers.account_id = products_fingerprinted.account_id
    left join revenue_fingerprinted
        on customers.account_id = revenue_fingerprinted.account_id
)

select * from final
