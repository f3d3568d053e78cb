{# Loaded daily usage of loaded accounts and products. #}
with

base_product_usage as (
    select * from {{ ref('base_crm__product_usage') }}
    where _dq_status = 'candidate'
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

final as (
    select
        -- ids
        base_product_usage.account_id,
        base_product_usage.product_id,
        base_product_usage._record_key,
        -- numerics
        base_product_usage.usage_count,
        -- dates
        base_product_usage.usage_date
    from base_product_usage
    inner join accounts
        on base_product_usage.account_id = accounts.account_id
    inner join products
        on base_product_usage.product_id = products.product_id
)

select * from final
