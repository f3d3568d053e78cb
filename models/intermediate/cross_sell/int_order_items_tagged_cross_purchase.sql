{#
    Purchase lines, each tagged: a cross-purchase line is a line of a
    product the account did not own before this order's timestamp, in an
    order later than the account's first purchase. Every line of that
    product at that timestamp counts (also in two orders at the same time);
    a later repeat purchase of it does not.
#}
with

order_items_priced as (
    select * from {{ ref('int_order_items_priced') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

final as (
    select
        order_items_priced.*,
        order_items_priced.ordered_at = account_products.first_purchased_at
        and order_items_priced.ordered_at
        > account_products.account_first_purchase_at as is_cross_purchase_line
    from order_items_priced
    inner join account_products
        on
            order_items_priced.account_id = account_products.account_id
            and order_items_priced.product_id = account_products.product_id
)

select * from final
