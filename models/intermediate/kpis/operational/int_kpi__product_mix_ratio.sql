{#
    product_mix_ratio (percent): each product's share of all holdings at
    the period's end. Numerator: the accounts active at the end of the
    period that own the product by then; denominator: that count summed
    over every product.
    Breakdown: product only (no overall row). kpi_product_mix_ratio adds
    the product's revenue share beside it.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

active_at_end as (
    select * from account_periods
    where is_active_at_end
),

holdings_at_end as (
    select
        active_at_end.grain,
        active_at_end.period_start,
        'product' as dimension,
        account_products.product_id as dimension_value
    from active_at_end
    inner join account_products
        on
            active_at_end.account_id = account_products.account_id
            and account_products.first_purchased_at
            < cast(active_at_end.period_end as {{ dbt.type_timestamp() }})
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as numerator,
        sum(count(*)) over (partition by grain, period_start) as denominator
    from holdings_at_end
    group by 1, 2, 3, 4
)

select * from final
