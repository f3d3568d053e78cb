{#
    Product usage rate: the kpi_scorecard rows of product_usage_rate. Its formula is
    int_kpi__product_usage_rate (models/intermediate/kpis/customer_success/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'product_usage_rate'
)

select * from final
