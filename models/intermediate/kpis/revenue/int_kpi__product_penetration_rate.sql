{#
    product_penetration_rate (percent): of the accounts active at the
    period's end, the share holding several products then (at least the
    var multi_product_min_products).
    Breakdowns: overall, segment, industry, region, customer_type.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

account_dimensions as (
    select * from {{ ref('int_account_dimensions') }}
    where
        dimension in (
            'overall', 'segment', 'industry', 'region', 'customer_type'
        )
),

active_at_end as (
    select * from account_periods
    where is_active_at_end
),

breakdowns as (
    select
        active_at_end.grain,
        active_at_end.period_start,
        active_at_end.product_holding_at_end,
        account_dimensions.dimension,
        account_dimensions.dimension_value
    from active_at_end
    inner join account_dimensions
        on active_at_end.account_id = account_dimensions.account_id
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(
            case when product_holding_at_end = 'multi' then 1 else 0 end
        ) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
