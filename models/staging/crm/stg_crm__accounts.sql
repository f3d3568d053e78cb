{#
    Loaded accounts. account_name is personal data and stops here. A dangling
    owner_rep_id (no loaded rep) is set to null and counted.
#}
with

base_accounts as (
    select * from {{ ref('base_crm__accounts') }}
    where _dq_status = 'candidate'
),

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

final as (
    select
        -- ids
        base_accounts.account_id,
        sales_reps.rep_id as owner_rep_id,
        base_accounts._record_key,
        -- strings
        base_accounts.segment,
        base_accounts.industry,
        base_accounts.region,
        base_accounts.country,
        base_accounts.customer_type,
        base_accounts.age_band,
        -- numerics
        case
            when
                base_accounts.owner_rep_id is not null
                and sales_reps.rep_id is null then 1
            else 0
        end as _dangling_reference_count,
        -- timestamps
        base_accounts.created_at,
        base_accounts.churned_at
    from base_accounts
    left join sales_reps
        on base_accounts.owner_rep_id = sales_reps.rep_id
)

select * from final
