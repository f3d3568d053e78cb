{#
    Product penetration rate: the kpi_scorecard rows of product_penetration_rate. Its formula is
    int_kpi__product_penetration_rate (models/intermediate/kpis/revenue/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'product_penetration_rate'
)

select * from final
