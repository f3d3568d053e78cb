{#
    One row per loaded account with its first purchase. An account without
    a purchase is not a customer (first_purchase_at is null).
#}
with

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

order_items_priced as (
    select * from {{ ref('int_order_items_priced') }}
),

first_purchases as (
    select
        account_id,
        min(ordered_at) as first_purchase_at
    from order_items_priced
    group by 1
),

final as (
    select
        -- ids
        accounts.account_id,
        accounts.owner_rep_id,
        -- strings
        accounts.segment,
        accounts.industry,
        accounts.region,
        accounts.country,
        accounts.customer_type,
        accounts.age_band,
        -- booleans
        first_purchases.first_purchase_at is not null as is_customer,
        -- timestamps
        accounts.created_at,
        first_purchases.first_purchase_at,
        accounts.churned_at
    from accounts
    left join first_purchases
        on accounts.account_id = first_purchases.account_id
)

select * from final
