{#
    cross_sell_revenue (usd): the line revenue (in USD, after discount) of
    the cross-purchase lines ordered in the period. A sum: the denominator
    is null.
    Breakdowns: overall, segment, industry, region, customer_type,
    sales_rep (account owner), product and product_category (of the line).
#}
with

order_items_tagged as (
    select * from {{ ref('int_order_items_tagged_cross_purchase') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain in ('month', 'quarter', 'year')
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where
        dimension in (
            'overall', 'segment', 'industry', 'region', 'customer_type',
            'sales_rep'
        )
),

cross_purchase_lines as (
    select * from order_items_tagged
    where is_cross_purchase_line
),

lines_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        cross_purchase_lines.account_id,
        cross_purchase_lines.product_id,
        cross_purchase_lines.product_category,
        cross_purchase_lines.line_revenue_usd
    from cross_purchase_lines
    inner join calendar_periods
        on {{ in_period('cross_purchase_lines.ordered_at') }}
),

breakdowns as (
    select
        lines_in_periods.grain,
        lines_in_periods.period_start,
        lines_in_periods.line_revenue_usd,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from lines_in_periods
    inner join account_dimensions
        on lines_in_periods.account_id = account_dimensions.account_id
    union all
    select
        grain,
        period_start,
        line_revenue_usd,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from lines_in_periods
    union all
    select
        grain,
        period_start,
        line_revenue_usd,
        'product_category' as dimension,
        coalesce(
            cast(product_category as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from lines_in_periods
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        cast(sum(line_revenue_usd) as {{ type_money() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
