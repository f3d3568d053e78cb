{#
    Cross-sell revenue: the kpi_scorecard rows of cross_sell_revenue. Its formula is
    int_kpi__cross_sell_revenue (models/intermediate/kpis/revenue/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'cross_sell_revenue'
)

select * from final
