{#
    campaigns from Salesforce's campaign: one row per landed version.
    channel: the Type picklist through salesforce_campaign_channels, else
    the type lower-cased, else 'unknown'. started_at: start_date, else
    created_date; ended_at: end_date.
#}
with

campaign as (
    select * from {{ source('salesforce', 'campaign') }}
),

campaign_channels as (
    select * from {{ ref('salesforce_campaign_channels') }}
),

final as (
    select
        {{ salesforce_text('campaign.id') }} as campaign_id,
        {{ salesforce_text('campaign.name') }} as campaign_name,
        {{ salesforce_text(
            'coalesce(campaign_channels.channel, '
            ~ salesforce_key(salesforce_value('campaign.type'))
            ~ ", 'unknown')"
        ) }} as channel,
        {{ salesforce_text(
            'coalesce(' ~ salesforce_value('campaign.start_date')
            ~ ', campaign.created_date)'
        ) }} as started_at,
        {{ salesforce_text('campaign.end_date') }} as ended_at,
        {{ salesforce_is_deleted('campaign') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('campaign')) }} as _loaded_at
    from campaign
    left join campaign_channels
        on
            {{ salesforce_key('campaign.type') }}
            = {{ salesforce_key('campaign_channels.campaign_type') }}
)

select * from final
