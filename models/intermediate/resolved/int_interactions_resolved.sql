{# Loaded interactions: an interaction needs its account loaded (int_accounts_resolved); a rep_id or opportunity_id naming no loaded row (stg_crm__sales_reps, int_opportunities_resolved) is set to null and counted. #}
with

interactions as (
    select * from {{ ref('stg_crm__interactions') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_resolved') }}
),

final as (
    select
        -- ids
        interactions.interaction_id,
        interactions.account_id,
        sales_reps.rep_id,
        opportunities.opportunity_id,
        interactions._record_key,
        -- strings
        interactions.channel,
        interactions.interaction_type,
        -- numerics
        case
            when
                interactions.rep_id is not null
                and sales_reps.rep_id is null then 1
            else 0
        end
        + case
            when
                interactions.opportunity_id is not null
                and opportunities.opportunity_id is null then 1
            else 0
        end as _dangling_reference_count,
        -- timestamps
        interactions.occurred_at
    from interactions
    inner join accounts
        on interactions.account_id = accounts.account_id
    left join sales_reps
        on interactions.rep_id = sales_reps.rep_id
    left join opportunities
        on interactions.opportunity_id = opportunities.opportunity_id
)

select * from final
