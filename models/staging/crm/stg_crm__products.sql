with

base_products as (
    select * from {{ ref('base_crm__products') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        product_id,
        _record_key,
        -- strings
        product_name,
        product_category,
        currency as currency_code,
        -- numerics
        list_price,
        cast(list_price * usd_per_unit as {{ type_money() }}) as list_price_usd,
        -- booleans
        is_active
    from base_products
)

select * from final
