{#
    campaign_members from Salesforce's campaign_member, whose members are
    contacts or leads. Each member (its current version) is resolved to an
    account: a contact's account_id, or the account a converted lead became
    (current, not deleted contacts and leads only). Members are rolled up
    to one row per (campaign_id, account_id): added_at is the earliest
    created_date of its members that are not deleted (of all, when every
    one is), is_deleted only when every member is, _loaded_at the latest.
    A member that resolves to no account keeps a row of its own with a null
    account_id, rejected downstream (missing_primary_key): never dropped.
#}
with

campaign_member as (
    select * from {{ source('salesforce', 'campaign_member') }}
),

contact as (
    select * from {{ source('salesforce', 'contact') }}
),

lead as (
    select * from {{ source('salesforce', 'lead') }}
),

members_versioned as (
    select
        campaign_member.*,
        row_number() over (
            partition by campaign_member.id
            order by
                {{ crm_parse_timestamp(
                    salesforce_loaded_at('campaign_member')
                ) }} desc nulls last
        ) as version_rank
    from campaign_member
),

contacts_versioned as (
    select
        contact.*,
        row_number() over (
            partition by contact.id
            order by
                {{ crm_parse_timestamp(
                    salesforce_loaded_at('contact')
                ) }} desc nulls last
        ) as version_rank
    from contact
),

leads_versioned as (
    select
        lead.*,
        row_number() over (
            partition by lead.id
            order by
                {{ crm_parse_timestamp(
                    salesforce_loaded_at('lead')
                ) }} desc nulls last
        ) as version_rank
    from lead
),

contact_accounts as (
    select
        contacts_versioned.id as contact_id,
        {{ salesforce_value('contacts_versioned.account_id') }} as account_id
    from contacts_versioned
    where
        contacts_versioned.version_rank = 1
        and {{ salesforce_is_deleted('contacts_versioned') }} = 'false'
),

lead_accounts as (
    select
        leads_versioned.id as lead_id,
        {{ salesforce_value('leads_versioned.converted_account_id') }}
            as account_id
    from leads_versioned
    where
        leads_versioned.version_rank = 1
        and {{ salesforce_is_deleted('leads_versioned') }} = 'false'
        and {{ salesforce_flag('leads_versioned.is_converted') }}
),

members_resolved as (
    select
        members_versioned.id as member_id,
        members_versioned.campaign_id,
        coalesce(contact_accounts.account_id, lead_accounts.account_id)
            as account_id,
        members_versioned.created_date,
        {{ crm_parse_timestamp('members_versioned.created_date') }}
            as created_moment,
        {{ salesforce_is_deleted('members_versioned') }} as is_deleted,
        {{ salesforce_loaded_at('members_versioned') }} as loaded_at,
        {{ crm_parse_timestamp(salesforce_loaded_at('members_versioned')) }}
            as loaded_moment
    from members_versioned
    left join contact_accounts
        on members_versioned.contact_id = contact_accounts.contact_id
    left join lead_accounts
        on members_versioned.lead_id = lead_accounts.lead_id
    where members_versioned.version_rank = 1
),

accounts_rolled_up as (
    select
        campaign_id,
        account_id,
        coalesce(
            min(
                case when is_deleted = 'false' then created_moment end
            ),
            min(created_moment)
        ) as added_moment,
        min(created_date) as created_date_text,
        case
            when sum(case when is_deleted = 'false' then 1 else 0 end) = 0
                then 'true'
            else 'false'
        end as is_deleted,
        max(loaded_moment) as loaded_moment,
        max(loaded_at) as loaded_at_text
    from members_resolved
    where account_id is not null
    group by 1, 2
),

accounts_unresolved as (
    select
        campaign_id,
        account_id,
        created_moment as added_moment,
        created_date as created_date_text,
        is_deleted,
        loaded_moment,
        loaded_at as loaded_at_text
    from members_resolved
    where account_id is null
),

members_combined as (
    select * from accounts_rolled_up
    union all
    select * from accounts_unresolved
),

final as (
    select
        {{ salesforce_text('campaign_id') }} as campaign_id,
        {{ salesforce_text('account_id') }} as account_id,
        coalesce(
            {{ salesforce_text('added_moment') }}, created_date_text
        ) as added_at,
        {{ salesforce_text('is_deleted') }} as is_deleted,
        coalesce(
            {{ salesforce_text('loaded_moment') }}, loaded_at_text
        ) as _loaded_at
    from members_combined
)

select * from final
