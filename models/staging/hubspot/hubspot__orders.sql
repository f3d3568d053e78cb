{#
    The contract's orders from HubSpot: one row per version of a deal of a
    purchase pipeline (var hubspot_purchase_pipelines) that has at least one
    line item. A won deal is a completed order dated by its close date; a
    lost one is cancelled and an open one pending (dated by its create
    date), so only won deals count in the KPIs. A deal whose stage is not
    landed passes its stage id on as the status (rejected as
    invalid_value), dated by its close date, else its create date; a deal
    with no company is rejected by the base model.
#}
with

deals as (
    select * from {{ ref('hubspot__deals') }}
),

line_items as (
    select * from {{ ref('hubspot__line_items') }}
),

deals_with_lines as (
    select distinct deal_id
    from line_items
    where deal_id is not null
),

final as (
    select
        cast(deals.deal_id as {{ dbt.type_string() }}) as order_id,
        cast(deals.company_id as {{ dbt.type_string() }}) as account_id,
        cast(
            case
                when deals.canonical_stage in ('closed_won', 'closed_lost')
                    then deals.closedate
                when deals.canonical_stage = 'open' then deals.createdate
                else coalesce(deals.closedate, deals.createdate)
            end as {{ dbt.type_string() }}
        ) as ordered_at,
        cast(
            case deals.canonical_stage
                when 'closed_won' then 'completed'
                when 'closed_lost' then 'cancelled'
                when 'open' then 'pending'
                else deals.stage_id
            end as {{ dbt.type_string() }}
        ) as status,
        cast(deals.currency as {{ dbt.type_string() }}) as currency,
        cast(
            {{ hubspot_boolean_text('deals.is_deleted') }}
            as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(deals.loaded_at as {{ dbt.type_string() }}) as _loaded_at
    from deals
    inner join deals_with_lines
        on deals.deal_id = deals_with_lines.deal_id
    where deals.is_purchase_pipeline
)

select * from final
