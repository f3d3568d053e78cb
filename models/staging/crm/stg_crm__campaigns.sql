with

base_campaigns as (
    select * from {{ ref('base_crm__campaigns') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        campaign_id,
        _record_key,
        -- strings
        campaign_name,
        channel,
        -- timestamps
        started_at,
        ended_at
    from base_campaigns
)

select * from final
