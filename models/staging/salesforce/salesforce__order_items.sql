{#
    order_items, by the var salesforce_purchases:
    opportunities (default): the line items (every landed version) of the
      deals salesforce__orders makes orders of, and those of a deal that is
      not landed at all (the base model rejects them as orphan_reference:
      a line the mapping cannot place is counted, never dropped). Lines of
      open and lost deals are not order items. discount is a percent:
      discount_amount = quantity x unit_price x discount / 100, rounded to
      cents; an unreadable discount passes on as written (rejected
      downstream as invalid_value).
    orders: Salesforce's order_item, one row per landed version; the
      discount amount is the custom field named by
      salesforce_order_item_discount_field (Salesforce's order lines have
      none of their own), null when the var is null.
#}
{% set purchases = var('salesforce_purchases', 'opportunities') %}
with
{% if purchases == 'orders' %}

order_item as (
    select * from {{ source('salesforce', 'order_item') }}
),

final as (
    select
        {{ salesforce_text('order_item.id') }} as order_item_id,
        {{ salesforce_text('order_item.order_id') }} as order_id,
        {{ salesforce_text('order_item.product_2_id') }} as product_id,
        {{ salesforce_text('order_item.quantity') }} as quantity,
        {{ salesforce_text('order_item.unit_price') }} as unit_price,
        {{ salesforce_text('order_item.custom_discount') }} as discount_amount,
        {{ salesforce_is_deleted('order_item') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('order_item')) }}
            as _loaded_at
    from order_item
)
{% else %}

opportunity_line_item as (
    select * from {{ source('salesforce', 'opportunity_line_item') }}
),

opportunity as (
    select * from {{ source('salesforce', 'opportunity') }}
),

orders as (
    select * from {{ ref('salesforce__orders') }}
),

order_ids as (
    select distinct order_id from orders
),

landed_opportunity_ids as (
    select distinct id as opportunity_id from opportunity
),

line_items_read as (
    select
        opportunity_line_item.*,
        {{ crm_parse_value(
            salesforce_value('opportunity_line_item.discount'), 'decimal'
        ) }} as discount_percent,
        {{ crm_parse_value(
            salesforce_value('opportunity_line_item.quantity'), 'decimal'
        ) }} as quantity_read,
        {{ crm_parse_value(
            salesforce_value('opportunity_line_item.unit_price'), 'decimal'
        ) }} as unit_price_read
    from opportunity_line_item
    left join order_ids
        on opportunity_line_item.opportunity_id = order_ids.order_id
    left join landed_opportunity_ids
        on
            opportunity_line_item.opportunity_id
            = landed_opportunity_ids.opportunity_id
    where
        order_ids.order_id is not null
        or landed_opportunity_ids.opportunity_id is null
),

final as (
    select
        {{ salesforce_text('line_items_read.id') }} as order_item_id,
        {{ salesforce_text('line_items_read.opportunity_id') }} as order_id,
        {{ salesforce_text('line_items_read.product_2_id') }} as product_id,
        {{ salesforce_text('line_items_read.quantity') }} as quantity,
        {{ salesforce_text('line_items_read.unit_price') }} as unit_price,
        case
            when line_items_read.discount_percent is null
                then {{ salesforce_text('line_items_read.discount') }}
            else {{ salesforce_text(
                'cast(round(line_items_read.quantity_read'
                ~ ' * line_items_read.unit_price_read'
                ~ ' * line_items_read.discount_percent / 100, 2)'
                ~ ' as decimal(18, 2))'
            ) }}
        end as discount_amount,
        {{ salesforce_is_deleted('line_items_read') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('line_items_read')) }}
            as _loaded_at
    from line_items_read
)
{% endif %}

select * from final
