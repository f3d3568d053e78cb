{#
    Product mix ratio: the kpi_scorecard rows of product_mix_ratio (its
    formula is int_kpi__product_mix_ratio in
    models/intermediate/kpis/operational/), plus revenue_share: the
    product's share, in percent, of all line revenue ordered in [s, e).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
),

order_items_monthly as (
    select * from {{ ref('int_order_items_monthly') }}
),

product_mix_ratio as (
    select * from kpi_scorecard
    where kpi_id = 'product_mix_ratio'
),

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
        calendar_periods.grain,
        calendar_periods.period_start,
        monthly_product_revenue.product_id,
        sum(monthly_product_revenue.revenue_usd) as revenue_usd
    from calendar_periods
    inner join monthly_product_revenue
        on
            calendar_periods.period_start
            <= monthly_product_revenue.month_start
            and calendar_periods.period_end
            > monthly_product_revenue.month_start
    group by 1, 2, 3
),

revenue_shares as (
    select
        grain,
        period_start,
        product_id,
        100 * cast(revenue_usd as {{ type_double() }}) / nullif(
            cast(
                sum(revenue_usd) over (partition by grain, period_start)
                as {{ type_double() }}
            ),
            0
        ) as revenue_share
    from period_product_revenue
),

final as (
    select
        product_mix_ratio.*,
        cast(
            coalesce(revenue_shares.revenue_share, 0) as {{ type_double() }}
        ) as revenue_share
    from product_mix_ratio
    left join revenue_shares
        on
            product_mix_ratio.grain = revenue_shares.grain
            and product_mix_ratio.period_start = revenue_shares.period_start
            and product_mix_ratio.dimension_value = revenue_shares.product_id
)

select * from final
