{#
    arpa (usd): the revenue of the period (line revenue ordered in it) of
    the accounts active during the period, divided by those accounts.
    Breakdowns: overall, segment, industry, region, product_holding (single
    or multi by the products held at the period's end).
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where dimension in ('overall', 'segment', 'industry', 'region')
),

breakdowns as (
    select
        account_periods.grain,
        account_periods.period_start,
        account_periods.revenue_usd,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from account_periods
    inner join account_dimensions
        on account_periods.account_id = account_dimensions.account_id
    union all
    select
        grain,
        period_start,
        revenue_usd,
        'product_holding' as dimension,
        product_holding_at_end as dimension_value
    from account_periods
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        cast(sum(revenue_usd) as {{ type_money() }}) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
