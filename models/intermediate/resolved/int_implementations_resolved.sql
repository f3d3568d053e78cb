{# Loaded implementations: an implementation needs its opportunity loaded (int_opportunities_resolved). #}
with

implementations as (
    select * from {{ ref('stg_crm__implementations') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_resolved') }}
),

final as (
    select
        -- ids
        implementations.implementation_id,
        implementations.opportunity_id,
        implementations._record_key,
        -- strings
        implementations.implementation_status,
        -- timestamps
        implementations.started_at,
        implementations.ended_at
    from implementations
    inner join opportunities
        on implementations.opportunity_id = opportunities.opportunity_id
)

select * from final
