{#
    product_mix_ratio (percent), by product only: accounts active at e that
    own the product at e / the sum of that count over all products (each
    product's share of all holdings). revenue_share: the product's share,
    in percent, of all line revenue ordered in [s, e).
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

order_items_monthly as (
    select * from {{ ref('int_order_items_monthly') }}
),

holdings_at_end as (
    select
        account_periods.grain,
        account_periods.period_start,
        account_products.product_id,
        count(*) as count_owners
    from account_periods
    inner join account_products
        on
            account_periods.account_id = account_products.account_id
            and account_products.first_purchased_at
            < cast(account_periods.period_end as {{ dbt.type_timestamp() }})
    where account_periods.is_active_at_end
    group by 1, 2, 3
),

all_holdings as (
    select
        grain,
        period_start,
        sum(count_owners) as count_holdings
    from holdings_at_end
    group by 1, 2
),

kpi_rows as (
    select
        holdings_at_end.grain,
        holdings_at_end.period_start,
        'product' as dimension,
        holdings_at_end.product_id as dimension_value,
        holdings_at_end.count_owners as numerator,
        all_holdings.count_holdings as denominator
    from holdings_at_end
    inner join all_holdings
        on
            holdings_at_end.grain = all_holdings.grain
            and holdings_at_end.period_start = all_holdings.period_start
),

{{ kpi_finalize(
    'kpi_rows', 'product_mix_ratio', 'operational', 'percent', 'rate',
    grains=[], final_name='kpi_final'
) }},

monthly_product_revenue as (
    select
        product_id,
        month_start,
        sum(revenue_usd) as revenue_usd
    from order_items_monthly
    group by 1, 2
),

period_product_revenue as (
    select
        kpi_calendar.grain,
        kpi_calendar.period_start,
        monthly_product_revenue.product_id,
        sum(monthly_product_revenue.revenue_usd) as revenue_usd
    from kpi_calendar
    inner join monthly_product_revenue
        on
            kpi_calendar.period_start <= monthly_product_revenue.month_start
            and kpi_calendar.period_end > monthly_product_revenue.month_start
    group by 1, 2, 3
),

revenue_shares as (
    select
        grain,
        period_start,
        product_id,
        100 * revenue_usd / nullif(
            sum(revenue_usd) over (partition by grain, period_start), 0
        ) as revenue_share
    from period_product_revenue
),

final as (
    select
        kpi_final.*,
        cast(
            coalesce(revenue_shares.revenue_share, 0) as {{ type_double() }}
        ) as revenue_share
    from kpi_final
    left join revenue_shares
        on
            kpi_final.grain = revenue_shares.grain
            and kpi_final.period_start = revenue_shares.period_start
            and kpi_final.dimension_value = revenue_shares.product_id
)

select * from final
