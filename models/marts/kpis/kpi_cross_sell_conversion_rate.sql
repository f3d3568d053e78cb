{#
    Cross-sell conversion rate: the kpi_scorecard rows of cross_sell_conversion_rate. Its formula is
    int_kpi__cross_sell_conversion_rate (models/intermediate/kpis/sales_performance/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'cross_sell_conversion_rate'
)

select * from final
