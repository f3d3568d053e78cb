{#
    Qualified cross-sell opportunities: the kpi_scorecard rows of cross_sell_qualified_opportunities. Its formula is
    int_kpi__cross_sell_qualified_opportunities (models/intermediate/kpis/operational/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'cross_sell_qualified_opportunities'
)

select * from final
