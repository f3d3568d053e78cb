{# Loaded order lines: a line needs its order (int_orders_resolved) and its product (stg_crm__products) loaded. #}
with

order_items as (
    select * from {{ ref('stg_crm__order_items') }}
),

orders as (
    select * from {{ ref('int_orders_resolved') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

final as (
    select
        -- ids
        order_items.order_item_id,
        order_items.order_id,
        order_items.product_id,
        order_items._record_key,
        -- numerics
        order_items.quantity,
        order_items.unit_price,
        order_items.discount_amount
    from order_items
    inner join orders
        on order_items.order_id = orders.order_id
    inner join products
        on order_items.product_id = products.product_id
)

select * from final
