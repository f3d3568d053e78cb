{#
    Current, valid, not deleted campaign memberships (base status
    candidate). Whether the campaign and the account are loaded is decided
    in int_campaign_members_resolved.
#}
with

base_campaign_members as (
    select * from {{ ref('base_crm__campaign_members') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        campaign_id,
        account_id,
        _record_key,
        -- timestamps
        added_at
    from base_campaign_members
)

select * from final
