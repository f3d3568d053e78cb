{# Loaded accounts: an account needs no parent; an owner_rep_id naming no loaded sales rep is set to null and counted. #}
with

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

final as (
    select
        -- ids
        accounts.account_id,
        sales_reps.rep_id as owner_rep_id,
        accounts._record_key,
        -- strings
        accounts.segment,
        accounts.industry,
        accounts.region,
        accounts.country,
        accounts.customer_type,
        accounts.age_band,
        -- numerics
        case
            when
                accounts.owner_rep_id is not null
                and sales_reps.rep_id is null then 1
            else 0
        end as _dangling_reference_count,
        -- timestamps
        accounts.created_at,
        accounts.churned_at
    from accounts
    left join sales_reps
        on accounts.owner_rep_id = sales_reps.rep_id
)

select * from final
