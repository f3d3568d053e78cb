{# Loaded CRM users. rep_name is personal data and stops here. #}
with

base_sales_reps as (
    select * from {{ ref('base_crm__sales_reps') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        rep_id,
        _record_key,
        -- strings
        team,
        region,
        role as rep_role,
        -- timestamps
        hired_at,
        left_at
    from base_sales_reps
)

select * from final
