{# Loaded implementations of loaded opportunities. #}
with

base_implementations as (
    select * from {{ ref('base_crm__implementations') }}
    where _dq_status = 'candidate'
),

opportunities as (
    select * from {{ ref('stg_crm__opportunities') }}
),

final as (
    select
        -- ids
        base_implementations.implementation_id,
        base_implementations.opportunity_id,
        base_implementations._record_key,
        -- strings
        base_implementations.status as implementation_status,
        -- timestamps
        base_implementations.started_at,
        base_implementations.ended_at
    from base_implementations
    inner join opportunities
        on base_implementations.opportunity_id = opportunities.opportunity_id
)

select * from final
