{#
    Average cross-sell deal size: the kpi_scorecard rows of cross_sell_opportunity_size. Its formula is
    int_kpi__cross_sell_opportunity_size (models/intermediate/kpis/sales_performance/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'cross_sell_opportunity_size'
)

select * from final
