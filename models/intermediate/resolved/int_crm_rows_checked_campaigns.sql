{#
    Every raw campaigns and campaign_members row, with whether it was
    loaded and which required parents were not (see int_crm_row_outcomes).
#}
with

base_campaigns as (
    select * from {{ ref('base_crm__campaigns') }}
),

base_campaign_members as (
    select * from {{ ref('base_crm__campaign_members') }}
),

campaign_members as (
    select * from {{ ref('int_campaign_members_resolved') }}
),

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

{# a campaign has no parent: every candidate is loaded #}
campaigns_checked as (
    select
        'campaigns' as table_name,
        _record_key as record_key,
        _dq_status as base_status,
        _dq_reason as base_reason,
        _dq_failed_columns as base_failed_columns,
        _dq_status = 'candidate' as is_loaded,
        cast(null as {{ dbt.type_string() }}) as missing_parent_columns,
        0 as dangling_reference_count,
        _loaded_at as loaded_at,
        case
            when _dq_status = 'rejected' then _raw_values
        end as raw_values
    from base_campaigns
),

campaign_members_checked as (
    select
        'campaign_members' as table_name,
        base_campaign_members._record_key as record_key,
        base_campaign_members._dq_status as base_status,
        base_campaign_members._dq_reason as base_reason,
        base_campaign_members._dq_failed_columns as base_failed_columns,
        campaign_members._record_key is not null as is_loaded,
        case
            when
                campaigns.campaign_id is null and accounts.account_id is null
                then 'campaign_id,account_id'
            when campaigns.campaign_id is null then 'campaign_id'
            when accounts.account_id is null then 'account_id'
        end as missing_parent_columns,
        0 as dangling_reference_count,
        base_campaign_members._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                campaign_members._record_key is null
                and base_campaign_members._dq_status in (
                    'candidate', 'rejected'
                )
                then base_campaign_members._raw_values
        end as raw_values
    from base_campaign_members
    left join campaign_members
        on
            base_campaign_members._dq_status = 'candidate'
            and base_campaign_members._record_key
            = campaign_members._record_key
    left join campaigns
        on base_campaign_members.campaign_id = campaigns.campaign_id
    left join accounts
        on base_campaign_members.account_id = accounts.account_id
),

final as (
    select * from campaigns_checked
    union all
    select * from campaign_members_checked
)

select * from final
