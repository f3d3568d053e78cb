{#
    Customer satisfaction (CSAT): the kpi_scorecard rows of csat. Its formula is
    int_kpi__csat (models/intermediate/kpis/customer_success/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'csat'
)

select * from final
