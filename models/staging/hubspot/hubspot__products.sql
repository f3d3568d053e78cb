{#
    The contract's products from HubSpot's product library: one row per
    landed product row. The category is the product property named by var
    hubspot_product_category_field (else var hubspot_unknown_label); prices
    are in the portal's currency (var hubspot_currency). HubSpot archives a
    product by deleting it, so a product that is landed is active.
#}
with

product as (
    select * from {{ source('hubspot', 'product') }}
),

final as (
    select
        cast({{ hubspot_text('id') }} as {{ dbt.type_string() }})
            as product_id,
        cast({{ hubspot_text('property_name') }} as {{ dbt.type_string() }})
            as product_name,
        cast(
            coalesce(
                {{ hubspot_text('category_field') }},
                {{ hubspot_var_text('hubspot_unknown_label') }}
            ) as {{ dbt.type_string() }}
        ) as product_category,
        cast({{ hubspot_text('property_price') }} as {{ dbt.type_string() }})
            as list_price,
        cast(
            {{ hubspot_var_text('hubspot_currency') }}
            as {{ dbt.type_string() }}
        ) as currency,
        cast('true' as {{ dbt.type_string() }}) as is_active,
        cast(
            {{ hubspot_boolean_text(
                hubspot_flag('is_deleted') ~ ' or '
                ~ hubspot_flag('_fivetran_deleted') ~ ' or '
                ~ hubspot_is_closed_version('_fivetran_active')
            ) }} as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(
            coalesce(
                {{ hubspot_text('_fivetran_start') }},
                {{ hubspot_text('_fivetran_synced') }}
            ) as {{ dbt.type_string() }}
        ) as _loaded_at
    from product
)

select * from final
