{#
    Loaded opportunities of loaded accounts. Dangling owner_rep_id,
    product_id and campaign_id are set to null and counted.
#}
with

base_opportunities as (
    select * from {{ ref('base_crm__opportunities') }}
    where _dq_status = 'candidate'
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

final as (
    select
        -- ids
        base_opportunities.opportunity_id,
        base_opportunities.account_id,
        sales_reps.rep_id as owner_rep_id,
        products.product_id,
        campaigns.campaign_id,
        base_opportunities._record_key,
        -- strings
        base_opportunities.declared_type,
        base_opportunities.stage as stage_name,
        base_opportunities.canonical_stage,
        base_opportunities.currency as currency_code,
        -- numerics
        base_opportunities.amount,
        base_opportunities.amount * base_opportunities.usd_per_unit
            as amount_usd,
        case
            when
                base_opportunities.owner_rep_id is not null
                and sales_reps.rep_id is null then 1
            else 0
        end
        + case
            when
                base_opportunities.product_id is not null
                and products.product_id is null then 1
            else 0
        end
        + case
            when
                base_opportunities.campaign_id is not null
                and campaigns.campaign_id is null then 1
            else 0
        end as _dangling_reference_count,
        -- timestamps
        base_opportunities.created_at,
        base_opportunities.qualified_at,
        base_opportunities.closed_at
    from base_opportunities
    inner join accounts
        on base_opportunities.account_id = accounts.account_id
    left join sales_reps
        on base_opportunities.owner_rep_id = sales_reps.rep_id
    left join products
        on base_opportunities.product_id = products.product_id
    left join campaigns
        on base_opportunities.campaign_id = campaigns.campaign_id
)

select * from final
