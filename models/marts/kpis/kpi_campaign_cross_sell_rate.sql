{#
    Campaign cross-sell rate: the kpi_scorecard rows of campaign_cross_sell_rate. Its formula is
    int_kpi__campaign_cross_sell_rate (models/intermediate/kpis/cross_sell_rate/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'campaign_cross_sell_rate'
)

select * from final
