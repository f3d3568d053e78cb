{#
    cross_sell_revenue (usd): the line revenue of cross-purchase lines
    ordered in [s, e).
#}
with

order_items_tagged as (
    select * from {{ ref('int_order_items_tagged_cross_purchase') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain in ('month', 'quarter', 'year')
),

cross_purchase_lines as (
    select * from order_items_tagged
    where is_cross_purchase_line
),

lines_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        cross_purchase_lines.product_id,
        cross_purchase_lines.product_category,
        cross_purchase_lines.line_revenue_usd,
        accounts_first_purchased.segment,
        accounts_first_purchased.industry,
        accounts_first_purchased.region,
        accounts_first_purchased.customer_type,
        accounts_first_purchased.owner_rep_id
    from cross_purchase_lines
    inner join calendar_periods
        on
            cross_purchase_lines.ordered_at >= calendar_periods.period_start_at
            and cross_purchase_lines.ordered_at < calendar_periods.period_end_at
    inner join accounts_first_purchased
        on cross_purchase_lines.account_id = accounts_first_purchased.account_id
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'lines_in_periods',
        account_dimensions([
            'overall', 'segment', 'industry', 'region', 'customer_type',
            'sales_rep',
        ]) + [
            ['product', 'product_id'],
            ['product_category', 'product_category'],
        ],
        'sum(line_revenue_usd)',
        'cast(null as ' ~ type_double() ~ ')',
    ) }}
),

{{ kpi_finalize('kpi_rows', 'cross_sell_revenue', 'revenue', 'usd', 'sum') }}

select * from final
