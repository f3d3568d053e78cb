{# Loaded campaign memberships: a membership needs its campaign (stg_crm__campaigns) and its account (int_accounts_resolved) loaded. #}
with

campaign_members as (
    select * from {{ ref('stg_crm__campaign_members') }}
),

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

final as (
    select
        -- ids
        campaign_members.campaign_id,
        campaign_members.account_id,
        campaign_members._record_key,
        -- timestamps
        campaign_members.added_at
    from campaign_members
    inner join campaigns
        on campaign_members.campaign_id = campaigns.campaign_id
    inner join accounts
        on campaign_members.account_id = accounts.account_id
)

select * from final
