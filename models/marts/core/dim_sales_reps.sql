{# One row per loaded CRM user, without personal data (no rep name). #}
with

sales_reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

final as (
    select
        -- ids
        rep_id,
        -- strings
        team,
        region,
        rep_role,
        -- timestamps
        hired_at,
        left_at
    from sales_reps
)

select * from final
