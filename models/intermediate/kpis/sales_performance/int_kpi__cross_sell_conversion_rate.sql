{#
    cross_sell_conversion_rate (percent): of the cross_sell opportunities
    closed (won or lost) in the period, the share that was won.
    Breakdowns: overall, sales_rep (the opportunity's owner), segment (of
    its account), product, campaign.
#}
with

opportunities_closed as (
    select * from {{ ref('int_opportunities_closed_in_periods') }}
),

cross_sell_closed as (
    select * from opportunities_closed
    where is_cross_sell_opportunity
),

breakdowns as (
    select
        grain,
        period_start,
        is_won,
        'overall' as dimension,
        'all' as dimension_value
    from cross_sell_closed
    union all
    select
        grain,
        period_start,
        is_won,
        'sales_rep' as dimension,
        coalesce(
            cast(owner_rep_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_closed
    union all
    select
        grain,
        period_start,
        is_won,
        'segment' as dimension,
        coalesce(
            cast(segment as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_closed
    union all
    select
        grain,
        period_start,
        is_won,
        'product' as dimension,
        coalesce(
            cast(product_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_closed
    union all
    select
        grain,
        period_start,
        is_won,
        'campaign' as dimension,
        coalesce(
            cast(campaign_id as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from cross_sell_closed
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_won then 1 else 0 end) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
