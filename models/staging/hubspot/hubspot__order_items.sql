{#
    The contract's order_items from HubSpot: one row per version of a line
    item whose deal is a purchase (see hubspot__orders), or whose deal is
    not landed at all (rejected by the base model as orphan_reference).
    Line items of deals in other pipelines (opportunities) are not order
    items. Quantity and price pass on as landed (decimals stay decimals);
    discount_amount is the line's whole discount (hubspot__line_items).
#}
with

line_items as (
    select * from {{ ref('hubspot__line_items') }}
),

deals as (
    select * from {{ ref('hubspot__deals') }}
),

deal_kinds as (
    select
        deal_id,
        max(case when is_purchase_pipeline then 1 else 0 end) as is_purchase
    from deals
    group by 1
),

final as (
    select
        cast(line_items.line_item_id as {{ dbt.type_string() }})
            as order_item_id,
        cast(line_items.deal_id as {{ dbt.type_string() }}) as order_id,
        cast(line_items.product_id as {{ dbt.type_string() }}) as product_id,
        cast(line_items.quantity as {{ dbt.type_string() }}) as quantity,
        cast(line_items.unit_price as {{ dbt.type_string() }}) as unit_price,
        cast(line_items.discount_amount as {{ dbt.type_string() }})
            as discount_amount,
        cast(
            {{ hubspot_boolean_text('line_items.is_deleted') }}
            as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(line_items.loaded_at as {{ dbt.type_string() }}) as _loaded_at
    from line_items
    left join deal_kinds
        on line_items.deal_id = deal_kinds.deal_id
    where
        deal_kinds.is_purchase = 1
        or (line_items.deal_id is not null and deal_kinds.deal_id is null)
)

select * from final
