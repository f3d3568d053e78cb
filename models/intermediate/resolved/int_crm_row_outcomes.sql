{#
    Where every raw row of the contract's twelve tables ended, one row per
    raw row:
      loaded      a candidate of its base model that its resolved model
                  kept (its required parents are loaded)
      superseded  an older version or an exact copy of the winning row
      deleted     the winning version is soft-deleted
      rejected    the base model's reason, or orphan_reference for a
                  candidate whose required parent is not loaded (the
                  failed columns name those reference columns)
    The data-quality marts count and list these rows.
#}
with

customers as (
    select * from {{ ref('int_crm_rows_checked_customers') }}
),

products as (
    select * from {{ ref('int_crm_rows_checked_products') }}
),

orders as (
    select * from {{ ref('int_crm_rows_checked_orders') }}
),

campaigns as (
    select * from {{ ref('int_crm_rows_checked_campaigns') }}
),

opportunities as (
    select * from {{ ref('int_crm_rows_checked_opportunities') }}
),

checked as (
    select * from customers
    union all
    select * from products
    union all
    select * from orders
    union all
    select * from campaigns
    union all
    select * from opportunities
),

final as (
    select
        -- strings
        table_name,
        record_key,
        case
            when is_loaded then 'loaded'
            when base_status = 'candidate' then 'rejected'
            else base_status
        end as status,
        case
            when not is_loaded and base_status = 'candidate'
                then 'orphan_reference'
            else base_reason
        end as reason,
        case
            when not is_loaded and base_status = 'candidate'
                then missing_parent_columns
            else base_failed_columns
        end as failed_columns,
        raw_values,
        -- numerics
        dangling_reference_count,
        -- timestamps
        loaded_at
    from checked
)

select * from final
