{#
    product_usage_rate (percent): of the (account, product) pairs where the
    account is active at the period's start and owns the product then, the
    share with a usage (a month with usage_count > 0) in the period.
    Breakdowns: overall, product.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

usage_months as (
    select * from {{ ref('int_product_usage_months_active') }}
),

period_months as (
    select * from {{ ref('int_calendar_period_months') }}
),

owned_pairs as (
    select
        account_periods.grain,
        account_periods.period_start,
        account_products.account_id,
        account_products.product_id
    from account_periods
    inner join account_products
        on
            account_periods.account_id = account_products.account_id
            and account_products.first_purchased_at
            < cast(account_periods.period_start as {{ dbt.type_timestamp() }})
    where account_periods.is_active_at_start
),

used_pairs as (
    select distinct
        period_months.grain,
        period_months.period_start,
        usage_months.account_id,
        usage_months.product_id
    from usage_months
    inner join period_months
        on usage_months.usage_month_start = period_months.month_start
),

owned_pairs_flagged as (
    select
        owned_pairs.*,
        used_pairs.account_id is not null as has_usage
    from owned_pairs
    left join used_pairs
        on
            owned_pairs.grain = used_pairs.grain
            and owned_pairs.period_start = used_pairs.period_start
            and owned_pairs.account_id = used_pairs.account_id
            and owned_pairs.product_id = used_pairs.product_id
),

breakdowns as (
    select
        grain,
        period_start,
        has_usage,
        'overall' as dimension,
        'all' as dimension_value
    from owned_pairs_flagged
    union all
    select
        grain,
        period_start,
        has_usage,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from owned_pairs_flagged
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when has_usage then 1 else 0 end) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
