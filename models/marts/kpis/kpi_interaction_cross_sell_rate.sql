{#
    Interaction cross-sell rate: the kpi_scorecard rows of interaction_cross_sell_rate. Its formula is
    int_kpi__interaction_cross_sell_rate (models/intermediate/kpis/cross_sell_rate/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'interaction_cross_sell_rate'
)

select * from final
