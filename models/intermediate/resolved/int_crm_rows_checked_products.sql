{#
    Every raw products and product_usage row, with whether it was loaded
    and which required parents were not (see int_crm_row_outcomes).
#}
with

base_products as (
    select * from {{ ref('base_crm__products') }}
),

base_product_usage as (
    select * from {{ ref('base_crm__product_usage') }}
),

product_usage as (
    select * from {{ ref('int_product_usage_resolved') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
),

{# a product has no parent: every candidate is loaded #}
products_checked as (
    select
        'products' as table_name,
        _record_key as record_key,
        _dq_status as base_status,
        _dq_reason as base_reason,
        _dq_failed_columns as base_failed_columns,
        _dq_status = 'candidate' as is_loaded,
        cast(null as {{ dbt.type_string() }}) as missing_parent_columns,
        0 as dangling_reference_count,
        _loaded_at as loaded_at,
        case
            when _dq_status = 'rejected' then _raw_values
        end as raw_values
    from base_products
),

product_usage_checked as (
    select
        'product_usage' as table_name,
        base_product_usage._record_key as record_key,
        base_product_usage._dq_status as base_status,
        base_product_usage._dq_reason as base_reason,
        base_product_usage._dq_failed_columns as base_failed_columns,
        product_usage._record_key is not null as is_loaded,
        case
            when
                accounts.account_id is null and products.product_id is null
                then 'account_id,product_id'
            when accounts.account_id is null then 'account_id'
            when products.product_id is null then 'product_id'
        end as missing_parent_columns,
        0 as dangling_reference_count,
        base_product_usage._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                product_usage._record_key is null
                and base_product_usage._dq_status in ('candidate', 'rejected')
                then base_product_usage._raw_values
        end as raw_values
    from base_product_usage
    left join product_usage
        on
            base_product_usage._dq_status = 'candidate'
            and base_product_usage._record_key = product_usage._record_key
    left join accounts
        on base_product_usage.account_id = accounts.account_id
    left join products
        on base_product_usage.product_id = products.product_id
),

final as (
    select * from products_checked
    union all
    select * from product_usage_checked
)

select * from final
