{#
    time_to_cross_sell (days): average, over accounts whose first
    cross-purchase event is in [s, e), of the whole days from their first
    purchase to that event.
#}
with

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

first_cross_purchases as (
    select
        account_id,
        min(account_first_purchase_at) as first_purchase_at,
        min(first_purchased_at) as first_cross_purchase_at
    from account_products
    where is_cross_purchase_event
    group by 1
),

in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        accounts_first_purchased.segment,
        accounts_first_purchased.industry,
        {{ days_between(
            'first_cross_purchases.first_purchase_at',
            'first_cross_purchases.first_cross_purchase_at'
        ) }} as days_to_cross_sell
    from first_cross_purchases
    inner join calendar_periods
        on {{ in_period('first_cross_purchases.first_cross_purchase_at') }}
    inner join accounts_first_purchased
        on
            first_cross_purchases.account_id
            = accounts_first_purchased.account_id
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'in_periods',
        account_dimensions(['overall', 'segment', 'industry']),
        'sum(days_to_cross_sell)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'time_to_cross_sell', 'sales_performance', 'days', 'ratio'
) }}

select * from final
