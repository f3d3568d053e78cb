{#
    Time to first cross-sell: the kpi_scorecard rows of time_to_cross_sell. Its formula is
    int_kpi__time_to_cross_sell (models/intermediate/kpis/sales_performance/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'time_to_cross_sell'
)

select * from final
