{#
    One row per landed line item row (every history-mode version), with its
    deal and its discount as one amount for the whole line. The deal comes
    from the line_item_deal association (the lowest deal_id when several),
    else from line_item.deal_id (older schemas). The discount is, in this
    order: property_hs_total_discount (the line's whole discount);
    property_discount (an amount per unit) times the quantity;
    property_hs_discount_percentage percent of quantity times price. A
    value that cannot be read as a number is passed on as given, so the
    base model rejects the line as invalid_value.
#}
{%- set quantity = crm_parse_value(hubspot_text('line_item.property_quantity'), 'decimal') -%}
{%- set price = crm_parse_value(hubspot_text('line_item.property_price'), 'decimal') -%}
{%- set per_unit = hubspot_text('line_item.property_discount') -%}
{%- set percent = hubspot_text('line_item.property_hs_discount_percentage') -%}
with

line_item as (
    select * from {{ source('hubspot', 'line_item') }}
),

line_item_deal as (
    select * from {{ source('hubspot', 'line_item_deal') }}
),

deal_links as (
    select
        {{ hubspot_text('line_item_id') }} as line_item_id,
        min({{ hubspot_text('deal_id') }}) as deal_id
    from line_item_deal
    where not {{ hubspot_flag('_fivetran_deleted') }}
    group by 1
),

lines as (
    select
        {{ hubspot_text('line_item.id') }} as line_item_id,
        coalesce(
            deal_links.deal_id,
            {{ hubspot_text('line_item.deal_id') }}
        ) as deal_id,
        coalesce(
            {{ hubspot_text('line_item.product_id') }},
            {{ hubspot_property_id('line_item.property_hs_product_id') }}
        ) as product_id,
        {{ hubspot_text('line_item.property_quantity') }} as quantity,
        {{ hubspot_text('line_item.property_price') }} as unit_price,
        case
            when
                {{ hubspot_text('line_item.property_hs_total_discount') }}
                is not null
                then {{ hubspot_text('line_item.property_hs_total_discount') }}
            when {{ per_unit }} is not null
                then coalesce(
                    {{ hubspot_decimal_text(
                        crm_parse_value(per_unit, 'decimal') ~ ' * ' ~ quantity
                    ) }},
                    {{ per_unit }}
                )
            when {{ percent }} is not null
                then coalesce(
                    {{ hubspot_decimal_text(
                        crm_parse_value(percent, 'decimal') ~ ' * ' ~ quantity
                        ~ ' * ' ~ price ~ ' / 100'
                    ) }},
                    {{ percent }}
                )
        end as discount_amount,
        {{ hubspot_flag('line_item.is_deleted') }}
        or {{ hubspot_flag('line_item._fivetran_deleted') }}
        or {{ hubspot_is_closed_version('line_item._fivetran_active') }}
            as is_deleted,
        coalesce(
            {{ hubspot_text('line_item._fivetran_start') }},
            {{ hubspot_text('line_item._fivetran_synced') }}
        ) as loaded_at
    from line_item
    left join deal_links
        on {{ hubspot_text('line_item.id') }} = deal_links.line_item_id
),

final as (
    select * from lines
)

select * from final
