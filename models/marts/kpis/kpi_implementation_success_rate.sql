{#
    Implementation success rate: the kpi_scorecard rows of implementation_success_rate. Its formula is
    int_kpi__implementation_success_rate (models/intermediate/kpis/operational/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'implementation_success_rate'
)

select * from final
