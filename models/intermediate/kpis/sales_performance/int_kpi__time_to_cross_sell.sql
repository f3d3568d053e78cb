{#
    time_to_cross_sell (days): over the accounts whose first cross-purchase
    event falls in the period, the average whole calendar days from their
    first purchase to that event.
    Breakdowns: overall, segment, industry.
#}
with

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where dimension in ('overall', 'segment', 'industry')
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

first_cross_purchases_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        first_cross_purchases.account_id,
        {{ days_between(
            'first_cross_purchases.first_purchase_at',
            'first_cross_purchases.first_cross_purchase_at'
        ) }} as days_to_cross_sell
    from first_cross_purchases
    inner join calendar_periods
        on {{ in_period('first_cross_purchases.first_cross_purchase_at') }}
),

breakdowns as (
    select
        first_cross_purchases_in_periods.grain,
        first_cross_purchases_in_periods.period_start,
        first_cross_purchases_in_periods.days_to_cross_sell,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from first_cross_purchases_in_periods
    inner join account_dimensions
        on
            first_cross_purchases_in_periods.account_id
            = account_dimensions.account_id
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(days_to_cross_sell) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
