{#
    Churn rate: the kpi_scorecard rows of churn_rate. Its formula is
    int_kpi__churn_rate (models/intermediate/kpis/customer_success/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'churn_rate'
)

select * from final
