{#
    Customer lifetime value (CLV): the kpi_scorecard rows of customer_lifetime_value. Its formula is
    int_kpi__customer_lifetime_value (models/intermediate/kpis/revenue/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'customer_lifetime_value'
)

select * from final
