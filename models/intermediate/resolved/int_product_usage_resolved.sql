{# Loaded daily usage: a usage row needs its account (int_accounts_resolved) and its product (stg_crm__products) loaded. #}
with

product_usage as (
    select * from {{ ref('stg_crm__product_usage') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

final as (
    select
        -- ids
        product_usage.account_id,
        product_usage.product_id,
        product_usage._record_key,
        -- numerics
        product_usage.usage_count,
        -- dates
        product_usage.usage_date
    from product_usage
    inner join accounts
        on product_usage.account_id = accounts.account_id
    inner join products
        on product_usage.product_id = products.product_id
)

select * from final
