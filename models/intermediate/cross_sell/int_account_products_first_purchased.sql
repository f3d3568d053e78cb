{#
    One row per (account, product) ever bought: when the account first bought
    it. holding(a, t) is the number of these rows with
    first_purchased_at < t. A cross-purchase event is a row whose
    first_purchased_at is later than the account's first purchase.
#}
with

order_items_priced as (
    select * from {{ ref('int_order_items_priced') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

first_bought as (
    select
        account_id,
        product_id,
        product_category,
        min(ordered_at) as first_purchased_at
    from order_items_priced
    group by 1, 2, 3
),

final as (
    select
        -- ids
        first_bought.account_id,
        first_bought.product_id,
        -- strings
        first_bought.product_category,
        -- booleans
        first_bought.first_purchased_at
        > accounts_first_purchased.first_purchase_at
            as is_cross_purchase_event,
        -- timestamps
        first_bought.first_purchased_at,
        accounts_first_purchased.first_purchase_at as account_first_purchase_at
    from first_bought
    inner join accounts_first_purchased
        on first_bought.account_id = accounts_first_purchased.account_id
)

select * from final
