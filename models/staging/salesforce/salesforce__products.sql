{#
    products from Salesforce's product_2: one row per landed version. The
    list price and currency come from salesforce__product_prices (a product
    with no price book entry gets no list price: rejected downstream as
    missing_required_field). product_category is the product family,
    'unknown' when blank.
#}
with

product_2 as (
    select * from {{ source('salesforce', 'product_2') }}
),

product_prices as (
    select * from {{ ref('salesforce__product_prices') }}
),

final as (
    select
        {{ salesforce_text('product_2.id') }} as product_id,
        {{ salesforce_text('product_2.name') }} as product_name,
        {{ salesforce_text(
            "coalesce(" ~ salesforce_value('product_2.family')
            ~ ", 'unknown')"
        ) }} as product_category,
        {{ salesforce_text('product_prices.list_price') }} as list_price,
        {{ salesforce_text('product_prices.currency') }} as currency,
        {{ salesforce_text('product_2.is_active') }} as is_active,
        {{ salesforce_is_deleted('product_2') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('product_2')) }} as _loaded_at
    from product_2
    left join product_prices
        on product_2.id = product_prices.product_2_id
)

select * from final
