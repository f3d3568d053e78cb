{#
    cross_sell_rate (percent): accounts active during [s, e) with a
    cross-purchase event in [s, e) / accounts active during [s, e).
    Product and product_category rows count the accounts with an event of
    that product (of any product of that category) over the same
    denominator.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

account_rows as (
    {{ kpi_breakdown_rows(
        'account_periods',
        account_dimensions([
            'overall', 'segment', 'industry', 'region', 'customer_type',
            'age_band', 'sales_rep',
        ]),
        'sum(case when has_cross_purchase_event then 1 else 0 end)',
        'count(*)',
    ) }}
),

active_accounts as (
    select
        grain,
        period_start,
        count(*) as count_active_accounts
    from account_periods
    group by 1, 2
),

period_events as (
    select
        account_periods.grain,
        account_periods.period_start,
        account_periods.account_id,
        account_products.product_id,
        account_products.product_category
    from account_periods
    inner join account_products
        on
            account_periods.account_id = account_products.account_id
            and account_products.first_purchased_at
            >= cast(account_periods.period_start as {{ dbt.type_timestamp() }})
            and account_products.first_purchased_at
            < cast(account_periods.period_end as {{ dbt.type_timestamp() }})
    where account_products.is_cross_purchase_event
),

product_counts as (
    select
        grain,
        period_start,
        'product' as dimension,
        product_id as dimension_value,
        count(distinct account_id) as numerator
    from period_events
    group by 1, 2, 3, 4
    union all
    select
        grain,
        period_start,
        'product_category' as dimension,
        coalesce(product_category, 'unknown') as dimension_value,
        count(distinct account_id) as numerator
    from period_events
    group by 1, 2, 3, 4
),

product_rows as (
    select
        product_counts.grain,
        product_counts.period_start,
        product_counts.dimension,
        product_counts.dimension_value,
        product_counts.numerator,
        active_accounts.count_active_accounts as denominator
    from product_counts
    inner join active_accounts
        on
            product_counts.grain = active_accounts.grain
            and product_counts.period_start = active_accounts.period_start
),

kpi_rows as (
    select * from account_rows
    union all
    select * from product_rows
),

{{ kpi_finalize(
    'kpi_rows', 'cross_sell_rate', 'cross_sell_rate', 'percent', 'rate'
) }}

select * from final
