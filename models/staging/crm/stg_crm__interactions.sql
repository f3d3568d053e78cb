{#
    Loaded interactions of loaded accounts. Dangling rep_id and
    opportunity_id are set to null and counted.
#}
with

base_interactions as (
    select * from {{ ref('base_crm__interactions') }}
    where _dq_status = 'candidate'
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

final as (
    select
        -- ids
        base_interactions.interaction_id,
        base_interactions.account_id,
        sales_reps.rep_id,
        opportunities.opportunity_id,
        base_interactions._record_key,
        -- strings
        base_interactions.channel,
        base_interactions.interaction_type,
        -- numerics
        case
            when
                base_interactions.rep_id is not null
                and sales_reps.rep_id is null then 1
            else 0
        end
        + case
            when
                base_interactions.opportunity_id is not null
                and opportunities.opportunity_id is null then 1
            else 0
        end as _dangling_reference_count,
        -- timestamps
        base_interactions.occurred_at
    from base_interactions
    inner join accounts
        on base_interactions.account_id = accounts.account_id
    left join sales_reps
        on base_interactions.rep_id = sales_reps.rep_id
    left join opportunities
        on base_interactions.opportunity_id = opportunities.opportunity_id
)

select * from final
