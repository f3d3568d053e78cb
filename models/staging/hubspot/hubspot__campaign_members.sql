{#
    The contract's campaign_members from HubSpot list memberships, rolled up
    from contacts to companies: one row per (list, company) of the lists
    that are campaigns (hubspot__campaigns). A contact's company is its
    primary company (property_associatedcompanyid), else the lowest
    company_id among its contact_company associations. The row kept is the
    earliest membership that is not deleted (a date that cannot be read
    sorts first, so the base model rejects it); the pair is deleted only
    when every membership is. Members whose contact has no company are
    rolled up into one row per list with no account_id, rejected by the
    base model as missing_primary_key (account_id is part of the key).
#}
with

contact_list_member as (
    select * from {{ source('hubspot', 'contact_list_member') }}
),

contact as (
    select * from {{ source('hubspot', 'contact') }}
),

contact_company as (
    select * from {{ source('hubspot', 'contact_company') }}
),

campaigns as (
    select * from {{ ref('hubspot__campaigns') }}
),

associated_companies as (
    select
        {{ hubspot_text('contact_id') }} as contact_id,
        min({{ hubspot_text('company_id') }}) as company_id
    from contact_company
    group by 1
),

primary_companies as (
    select
        {{ hubspot_text('id') }} as contact_id,
        max({{ hubspot_property_id('property_associatedcompanyid') }})
            as company_id
    from contact
    group by 1
),

memberships as (
    select
        {{ hubspot_text('contact_list_member.contact_list_id') }}
            as campaign_id,
        coalesce(
            primary_companies.company_id, associated_companies.company_id
        ) as account_id,
        {{ hubspot_text('contact_list_member.contact_id') }} as contact_id,
        {{ hubspot_text('contact_list_member.added_at') }} as added_at,
        {{ hubspot_flag('contact_list_member._fivetran_deleted') }}
            as is_deleted,
        {{ hubspot_text('contact_list_member._fivetran_synced') }}
            as loaded_at
    from contact_list_member
    left join primary_companies
        on
            {{ hubspot_text('contact_list_member.contact_id') }}
            = primary_companies.contact_id
    left join associated_companies
        on
            {{ hubspot_text('contact_list_member.contact_id') }}
            = associated_companies.contact_id
    where
        {{ hubspot_text('contact_list_member.contact_list_id') }} in (
            select campaigns.campaign_id from campaigns
        )
),

memberships_ranked as (
    select
        memberships.*,
        row_number() over (
            partition by memberships.campaign_id, memberships.account_id
            order by
                case when memberships.is_deleted then 1 else 0 end,
                {{ crm_parse_timestamp('memberships.added_at') }} nulls first,
                memberships.contact_id
        ) as membership_rank
    from memberships
),

final as (
    select
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(added_at as {{ dbt.type_string() }}) as added_at,
        cast(
            {{ hubspot_boolean_text('is_deleted') }} as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(loaded_at as {{ dbt.type_string() }}) as _loaded_at
    from memberships_ranked
    where membership_rank = 1
)

select * from final
