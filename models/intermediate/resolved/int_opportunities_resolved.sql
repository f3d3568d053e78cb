{# Loaded opportunities: an opportunity needs its account loaded (int_accounts_resolved); an owner_rep_id, product_id or campaign_id naming no loaded row is set to null and counted. #}
with

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
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
        opportunities.opportunity_id,
        opportunities.account_id,
        sales_reps.rep_id as owner_rep_id,
        products.product_id,
        campaigns.campaign_id,
        opportunities._record_key,
        -- strings
        opportunities.declared_type,
        opportunities.stage_name,
        opportunities.canonical_stage,
        opportunities.currency_code,
        -- numerics
        opportunities.amount,
        opportunities.amount_usd,
        case
            when
                opportunities.owner_rep_id is not null
                and sales_reps.rep_id is null then 1
            else 0
        end
        + case
            when
                opportunities.product_id is not null
                and products.product_id is null then 1
            else 0
        end
        + case
            when
                opportunities.campaign_id is not null
                and campaigns.campaign_id is null then 1
            else 0
        end as _dangling_reference_count,
        -- timestamps
        opportunities.created_at,
        opportunities.qualified_at,
        opportunities.closed_at
    from opportunities
    inner join accounts
        on opportunities.account_id = accounts.account_id
    left join sales_reps
        on opportunities.owner_rep_id = sales_reps.rep_id
    left join products
        on opportunities.product_id = products.product_id
    left join campaigns
        on opportunities.campaign_id = campaigns.campaign_id
)

select * from final
