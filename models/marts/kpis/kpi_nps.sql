{#
    Net promoter score (NPS): the kpi_scorecard rows of nps. Its formula is
    int_kpi__nps (models/intermediate/kpis/customer_success/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'nps'
)

select * from final
