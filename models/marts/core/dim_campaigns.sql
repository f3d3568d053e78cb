with

campaigns as (
    select * from {{ ref('stg_crm__campaigns') }}
),

final as (
    select
        -- ids
        campaign_id,
        -- strings
        campaign_name,
        channel,
        -- timestamps
        started_at,
        ended_at
    from campaigns
)

select * from final
