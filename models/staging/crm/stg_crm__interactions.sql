{#
    Current, valid, not deleted interactions (base status candidate).
    Whether the account, rep and opportunity are loaded is decided in
    int_interactions_resolved.
#}
with

base_interactions as (
    select * from {{ ref('base_crm__interactions') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        interaction_id,
        account_id,
        rep_id,
        opportunity_id,
        _record_key,
        -- strings
        channel,
        interaction_type,
        -- timestamps
        occurred_at
    from base_interactions
)

select * from final
