{#
    cross_sell_rate (percent): of the accounts active during the period,
    the share with a cross-purchase event in it (a first purchase of a
    product the account did not own yet, after its first purchase).
    Breakdowns: overall, segment, industry, region, customer_type,
    age_band, sales_rep (the account's owner); product and
    product_category count the accounts with an event of that product (of
    any product of that category) over the same denominator: all the
    accounts active during the period.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where
        dimension in (
            'overall',
            'segment',
            'industry',
            'region',
            'customer_type',
            'age_band',
            'sales_rep'
        )
),

account_breakdowns as (
    select
        account_periods.grain,
        account_periods.period_start,
        account_periods.has_cross_purchase_event,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from account_periods
    inner join account_dimensions
        on account_periods.account_id = account_dimensions.account_id
),

active_accounts as (
    select
        grain,
        period_start,
        count(*) as count_active_accounts
    from account_periods
    group by 1, 2
),

events_in_periods as (
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

product_breakdowns as (
    select
        grain,
        period_start,
        account_id,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from events_in_periods
    union all
    select
        grain,
        period_start,
        account_id,
        'product_category' as dimension,
        coalesce(
            cast(product_category as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from events_in_periods
),

accounts_with_events as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        count(distinct account_id) as count_accounts
    from product_breakdowns
    group by 1, 2, 3, 4
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when has_cross_purchase_event then 1 else 0 end) as numerator,
        count(*) as denominator
    from account_breakdowns
    group by 1, 2, 3, 4
    union all
    select
        accounts_with_events.grain,
        accounts_with_events.period_start,
        accounts_with_events.dimension,
        accounts_with_events.dimension_value,
        accounts_with_events.count_accounts as numerator,
        active_accounts.count_active_accounts as denominator
    from accounts_with_events
    inner join active_accounts
        on
            accounts_with_events.grain = active_accounts.grain
            and accounts_with_events.period_start
            = active_accounts.period_start
)

select * from final
