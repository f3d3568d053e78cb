{#
    Current, valid, not deleted orders of any status (base status
    candidate), renamed. Whether the account is loaded is decided in
    int_orders_resolved.
#}
with

base_orders as (
    select * from {{ ref('base_crm__orders') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        order_id,
        account_id,
        _record_key,
        -- strings
        status as order_status,
        currency as currency_code,
        -- numerics
        usd_per_unit,
        -- timestamps
        ordered_at
    from base_orders
)

select * from final
