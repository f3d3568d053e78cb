{#
    cross_sell_opportunity_size (usd): the average amount, in USD, of the
    cross_sell opportunities won in the period (closed_at in it). A deal
    without an amount is left out of the average.
    Breakdowns: overall, sales_rep (the opportunity's owner), segment (of
    its account), product.
#}
with

opportunities_closed as (
    select * from {{ ref('int_opportunities_closed_in_periods') }}
),

cross_sell_won as (
    select * from opportunities_closed
    where is_cross_sell_opportunity and is_won
),

breakdowns as (
    select
        grain,
        period_start,
        amount_usd,
        'overall' as dimension,
        'all' as dimension_value
    from cross_sell_won
    union all
    select
        grain,
        period_start,
        amount_usd,
        'sales_rep' as dimension,
        coalesce(
            cast(owner_rep_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_won
    union all
    select
        grain,
        period_start,
        amount_usd,
        'segment' as dimension,
        coalesce(
            cast(segment as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_won
    union all
    select
        grain,
        period_start,
        amount_usd,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_won
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        cast(
            coalesce(sum(amount_usd), 0) as {{ type_money() }}
        ) as numerator,
        count(amount_usd) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
