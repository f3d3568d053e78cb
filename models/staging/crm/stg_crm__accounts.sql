{#
    Current, valid, not deleted accounts (base status candidate), renamed.
    account_name is personal data and stops here. Whether owner_rep_id
    points to a loaded rep is decided in int_accounts_resolved.
#}
with

base_accounts as (
    select * from {{ ref('base_crm__accounts') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        account_id,
        owner_rep_id,
        _record_key,
        -- strings
        segment,
        industry,
        region,
        country,
        customer_type,
        age_band,
        -- timestamps
        created_at,
        churned_at
    from base_accounts
)

select * from final
