{#
    The one product of each opportunity: one row per opportunity_id that has
    current, not deleted line items. The product with the largest total over
    its lines (quantity x unit price less the percent discount) wins; a tie
    goes to the lowest product id.
#}
with

opportunity_line_item as (
    select * from {{ source('salesforce', 'opportunity_line_item') }}
),

line_items_versioned as (
    select
        opportunity_line_item.*,
        row_number() over (
            partition by opportunity_line_item.id
            order by
                {{ crm_parse_timestamp(
                    salesforce_loaded_at('opportunity_line_item')
                ) }} desc nulls last
        ) as version_rank
    from opportunity_line_item
),

line_items_current as (
    select
        line_items_versioned.opportunity_id,
        line_items_versioned.product_2_id,
        {{ crm_parse_value('line_items_versioned.quantity', 'decimal') }}
        * {{ crm_parse_value('line_items_versioned.unit_price', 'decimal') }}
        * (
            100 - coalesce({{ crm_parse_value(
                'line_items_versioned.discount', 'decimal'
            ) }}, 0)
        ) / 100 as line_total
    from line_items_versioned
    where
        line_items_versioned.version_rank = 1
        and {{ salesforce_is_deleted('line_items_versioned') }} = 'false'
        and line_items_versioned.product_2_id is not null
),

product_totals as (
    select
        opportunity_id,
        product_2_id,
        sum(line_total) as product_total
    from line_items_current
    group by 1, 2
),

products_ranked as (
    select
        product_totals.*,
        row_number() over (
            partition by product_totals.opportunity_id
            order by
                product_totals.product_total desc nulls last,
                product_totals.product_2_id asc
        ) as product_rank
    from product_totals
),

final as (
    select
        opportunity_id,
        product_2_id as product_id
    from products_ranked
    where product_rank = 1
)

select * from final
