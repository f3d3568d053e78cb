{#
    The contract's opportunities from HubSpot: one row per version of a deal
    of an opportunity pipeline (var hubspot_opportunity_pipelines). stage is
    the canonical stage from the stage's closed_won / is_closed flags (the
    landed stage id when the stage is not landed: unmapped_stage);
    closed_at is the close date of a closed deal only (an open deal's close
    date is a forecast). The product is the one of the deal's line item with
    the largest amount (quantity times price less discount; ties: the lowest
    line item id), among its current, not deleted line items. declared_type
    is property_dealtype through the hubspot_deal_types seed (a value not
    listed passes as given). amount stays a decimal.
#}
{%- set line_amount = crm_parse_value('quantity', 'decimal') ~ ' * '
    ~ crm_parse_value('unit_price', 'decimal') ~ ' - coalesce('
    ~ crm_parse_value('discount_amount', 'decimal') ~ ', 0)' -%}
with

deals as (
    select * from {{ ref('hubspot__deals') }}
),

line_items as (
    select * from {{ ref('hubspot__line_items') }}
),

hubspot_deal_types as (
    select * from {{ ref('hubspot_deal_types') }}
),

line_versions as (
    select
        line_items.*,
        row_number() over (
            partition by line_items.line_item_id
            order by
                {{ crm_parse_timestamp('line_items.loaded_at') }} desc
                nulls last
        ) as version_rank
    from line_items
    where line_items.line_item_id is not null
),

lines_ranked as (
    select
        deal_id,
        product_id,
        row_number() over (
            partition by deal_id
            order by {{ line_amount }} desc nulls last, line_item_id
        ) as line_rank
    from line_versions
    where
        version_rank = 1
        and not is_deleted
        and deal_id is not null
        and product_id is not null
),

deal_products as (
    select
        deal_id,
        product_id
    from lines_ranked
    where line_rank = 1
),

final as (
    select
        cast(deals.deal_id as {{ dbt.type_string() }}) as opportunity_id,
        cast(deals.company_id as {{ dbt.type_string() }}) as account_id,
        cast(deals.owner_id as {{ dbt.type_string() }}) as owner_rep_id,
        cast(deal_products.product_id as {{ dbt.type_string() }})
            as product_id,
        cast(deals.campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(
            coalesce(hubspot_deal_types.declared_type, deals.dealtype)
            as {{ dbt.type_string() }}
        ) as declared_type,
        cast(
            coalesce(deals.canonical_stage, deals.stage_id)
            as {{ dbt.type_string() }}
        ) as stage,  -- noqa: RF04
        cast(deals.amount as {{ dbt.type_string() }}) as amount,
        cast(deals.currency as {{ dbt.type_string() }}) as currency,
        cast(deals.createdate as {{ dbt.type_string() }}) as created_at,
        cast(deals.qualified_at as {{ dbt.type_string() }}) as qualified_at,
        cast(
            case
                when deals.canonical_stage in ('closed_won', 'closed_lost')
                    then deals.closedate
            end as {{ dbt.type_string() }}
        ) as closed_at,
        cast(
            {{ hubspot_boolean_text('deals.is_deleted') }}
            as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(deals.loaded_at as {{ dbt.type_string() }}) as _loaded_at
    from deals
    left join deal_products
        on deals.deal_id = deal_products.deal_id
    left join hubspot_deal_types
        on deals.dealtype = trim(hubspot_deal_types.hubspot_deal_type)
    where deals.is_opportunity_pipeline
)

select * from final
