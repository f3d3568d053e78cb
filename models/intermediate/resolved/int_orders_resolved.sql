{# Loaded orders: an order needs its account loaded (int_accounts_resolved). #}
with

orders as (
    select * from {{ ref('stg_crm__orders') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

final as (
    select
        -- ids
        orders.order_id,
        orders.account_id,
        orders._record_key,
        -- strings
        orders.order_status,
        orders.currency_code,
        -- numerics
        orders.usd_per_unit,
        -- timestamps
        orders.ordered_at
    from orders
    inner join accounts
        on orders.account_id = accounts.account_id
)

select * from final
