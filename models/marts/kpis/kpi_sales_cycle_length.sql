{#
    Sales cycle length: the kpi_scorecard rows of sales_cycle_length (its
    formula is int_kpi__sales_cycle_length in
    models/intermediate/kpis/sales_performance/), plus
    cross_sell_to_new_business_ratio: the period's cross_sell value divided
    by its new_business value (null when either is missing or zero), on
    every row of that period.
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

sales_cycle_length as (
    select * from kpi_scorecard
    where kpi_id = 'sales_cycle_length'
),

kind_ratios as (
    select
        grain,
        period_start,
        max(
            case when dimension_value = 'cross_sell' then value end
        ) / nullif(
            max(case when dimension_value = 'new_business' then value end), 0
        ) as cross_sell_to_new_business_ratio
    from sales_cycle_length
    where dimension = 'opportunity_kind'
    group by 1, 2
),

final as (
    select
        sales_cycle_length.*,
        cast(
            kind_ratios.cross_sell_to_new_business_ratio as {{ type_double() }}
        ) as cross_sell_to_new_business_ratio
    from sales_cycle_length
    left join kind_ratios
        on
            sales_cycle_length.grain = kind_ratios.grain
            and sales_cycle_length.period_start = kind_ratios.period_start
)

select * from final
