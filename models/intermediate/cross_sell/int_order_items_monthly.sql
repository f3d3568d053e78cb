{#
    Purchase-line revenue per (account, product, month). Months, quarters
    and years are unions of whole months, so period revenue is a sum of
    these rows instead of another scan of every line.
#}
with

order_items_priced as (
    select * from {{ ref('int_order_items_priced') }}
),

final as (
    select
        account_id,
        product_id,
        cast(
            {{ dbt.date_trunc('month', 'ordered_at') }} as date
        ) as month_start,
        cast(sum(line_revenue_usd) as {{ type_money() }}) as revenue_usd
    from order_items_priced
    group by 1, 2, 3
)

select * from final
