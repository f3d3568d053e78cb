{#
    Sales team engagement: the kpi_scorecard rows of sales_team_engagement. Its formula is
    int_kpi__sales_team_engagement (models/intermediate/kpis/operational/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'sales_team_engagement'
)

select * from final
