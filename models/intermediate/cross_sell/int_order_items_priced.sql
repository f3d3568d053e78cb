{#
    Purchase lines: loaded lines of completed orders, with the line revenue
    quantity * unit_price - discount converted to USD.
#}
with

order_items as (
    select * from {{ ref('int_order_items_resolved') }}
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
        orders.account_id,
        order_items.product_id,
        -- strings
        products.product_category,
        -- numerics
        cast(
            (
                order_items.quantity * order_items.unit_price
                - order_items.discount_amount
            ) * orders.usd_per_unit as {{ type_money() }}
        ) as line_revenue_usd,
        -- timestamps
        orders.ordered_at
    from order_items
    inner join orders
        on order_items.order_id = orders.order_id
    inner join products
        on order_items.product_id = products.product_id
    where orders.order_status = 'completed'
)

select * from final
