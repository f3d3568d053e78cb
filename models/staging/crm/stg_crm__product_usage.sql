{#
    Current, valid daily usage rows (base status candidate). Whether the
    account and the product are loaded is decided in
    int_product_usage_resolved.
#}
with

base_product_usage as (
    select * from {{ ref('base_crm__product_usage') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        account_id,
        product_id,
        _record_key,
        -- numerics
        usage_count,
        -- dates
        usage_date
    from base_product_usage
)

select * from final
