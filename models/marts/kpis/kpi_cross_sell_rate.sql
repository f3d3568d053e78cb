{#
    Cross-sell rate: the kpi_scorecard rows of cross_sell_rate. Its formula is
    int_kpi__cross_sell_rate (models/intermediate/kpis/cross_sell_rate/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'cross_sell_rate'
)

select * from final
