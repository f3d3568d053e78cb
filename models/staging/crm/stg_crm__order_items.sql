{# Loaded order lines of loaded orders and products. #}
with

base_order_items as (
    select * from {{ ref('base_crm__order_items') }}
    where _dq_status = 'candidate'
),

orders as (
    select * from {{ ref('stg_crm__orders') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

final as (
    select
        -- ids
        base_order_items.order_item_id,
        base_order_items.order_id,
        base_order_items.product_id,
        base_order_items._record_key,
        -- numerics
        base_order_items.quantity,
        base_order_items.unit_price,
        coalesce(base_order_items.discount_amount, 0) as discount_amount
    from base_order_items
    inner join orders
        on base_order_items.order_id = orders.order_id
    inner join products
        on base_order_items.product_id = products.product_id
)

select * from final
