{#
    Current, valid, not deleted order lines (base status candidate), a
    missing discount read as 0. Whether the order and the product are
    loaded is decided in int_order_items_resolved.
#}
with

base_order_items as (
    select * from {{ ref('base_crm__order_items') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        order_item_id,
        order_id,
        product_id,
        _record_key,
        -- numerics
        quantity,
        unit_price,
        coalesce(discount_amount, 0) as discount_amount
    from base_order_items
)

select * from final
