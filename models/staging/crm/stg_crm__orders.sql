{# Loaded orders of loaded accounts (any status). #}
with

base_orders as (
    select * from {{ ref('base_crm__orders') }}
    where _dq_status = 'candidate'
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

final as (
    select
        -- ids
        base_orders.order_id,
        base_orders.account_id,
        base_orders._record_key,
        -- strings
        base_orders.status as order_status,
        base_orders.currency as currency_code,
        -- numerics
        base_orders.usd_per_unit,
        -- timestamps
        base_orders.ordered_at
    from base_orders
    inner join accounts
        on base_orders.account_id = accounts.account_id
)

select * from final
