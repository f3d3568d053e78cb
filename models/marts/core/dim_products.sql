with

products as (
    select * from {{ ref('stg_crm__products') }}
),

final as (
    select
        -- ids
        product_id,
        -- strings
        product_name,
        product_category,
        currency_code,
        -- numerics
        list_price,
        list_price_usd,
        -- booleans
        is_active
    from products
)

select * from final
