{# Loaded memberships of loaded campaigns and accounts. #}
with

base_campaign_members as (
    select * from {{ ref('base_crm__campaign_members') }}
    where _dq_status = 'candidate'
),

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

final as (
    select
        -- ids
        base_campaign_members.campaign_id,
        base_campaign_members.account_id,
        base_campaign_members._record_key,
        -- timestamps
        base_campaign_members.added_at
    from base_campaign_members
    inner join campaigns
        on base_campaign_members.campaign_id = campaigns.campaign_id
    inner join accounts
        on base_campaign_members.account_id = accounts.account_id
)

select * from final
