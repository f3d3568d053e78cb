{#
    Current, valid, not deleted implementations (base status candidate),
    renamed. Whether the opportunity is loaded is decided in
    int_implementations_resolved.
#}
with

base_implementations as (
    select * from {{ ref('base_crm__implementations') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        implementation_id,
        opportunity_id,
        _record_key,
        -- strings
        status as implementation_status,
        -- timestamps
        started_at,
        ended_at
    from base_implementations
)

select * from final
