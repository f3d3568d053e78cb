{# One row per loaded account, without personal data (no account name). #}
with

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

final as (
    select
        -- ids
        account_id,
        owner_rep_id,
        -- strings
        segment,
        industry,
        region,
        country,
        customer_type,
        age_band,
        -- booleans
        is_customer,
        -- timestamps
        created_at,
        first_purchase_at,
        churned_at
    from accounts_first_purchased
)

select * from final
