{#
    One row per (account, product, month) with at least one usage row whose
    usage_count > 0 (a row with 0 is not usage). Monthly rows are exact for
    month, quarter and year periods.
#}
with

product_usage as (
    select * from {{ ref('int_product_usage_resolved') }}
),

final as (
    select distinct
        account_id,
        product_id,
        cast(
            {{ dbt.date_trunc('month', 'usage_date') }} as date
        ) as usage_month_start
    from product_usage
    where usage_count > 0
)

select * from final
