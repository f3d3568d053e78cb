{#
    Every raw orders and order_items row, with whether it was loaded and
    which required parents were not (see int_crm_row_outcomes).
#}
with

base_orders as (
    select * from {{ ref('base_crm__orders') }}
),

base_order_items as (
    select * from {{ ref('base_crm__order_items') }}
),

orders as (
    select * from {{ ref('int_orders_resolved') }}
),

order_items as (
    select * from {{ ref('int_order_items_resolved') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

orders_checked as (
    select
        'orders' as table_name,
        base_orders._record_key as record_key,
        base_orders._dq_status as base_status,
        base_orders._dq_reason as base_reason,
        base_orders._dq_failed_columns as base_failed_columns,
        orders._record_key is not null as is_loaded,
        case
            when accounts.account_id is null then 'account_id'
        end as missing_parent_columns,
        0 as dangling_reference_count,
        base_orders._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                orders._record_key is null
                and base_orders._dq_status in ('candidate', 'rejected')
                then base_orders._raw_values
        end as raw_values
    from base_orders
    left join orders
        on
            base_orders._dq_status = 'candidate'
            and base_orders._record_key = orders._record_key
    left join accounts
        on base_orders.account_id = accounts.account_id
),

order_items_checked as (
    select
        'order_items' as table_name,
        base_order_items._record_key as record_key,
        base_order_items._dq_status as base_status,
        base_order_items._dq_reason as base_reason,
        base_order_items._dq_failed_columns as base_failed_columns,
        order_items._record_key is not null as is_loaded,
        case
            when
                orders.order_id is null and products.product_id is null
                then 'order_id,product_id'
            when orders.order_id is null then 'order_id'
            when products.product_id is null then 'product_id'
        end as missing_parent_columns,
        0 as dangling_reference_count,
        base_order_items._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                order_items._record_key is null
                and base_order_items._dq_status in ('candidate', 'rejected')
                then base_order_items._raw_values
        end as raw_values
    from base_order_items
    left join order_items
        on
            base_order_items._dq_status = 'candidate'
            and base_order_items._record_key = order_items._record_key
    left join orders
        on base_order_items.order_id = orders.order_id
    left join products
        on base_order_items.product_id = products.product_id
),

final as (
    select * from orders_checked
    union all
    select * from order_items_checked
)

select * from final
