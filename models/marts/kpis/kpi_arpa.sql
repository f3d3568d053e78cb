{#
    Average revenue per account (ARPA): the kpi_scorecard rows of arpa. Its formula is
    int_kpi__arpa (models/intermediate/kpis/revenue/).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

final as (
    select * from kpi_scorecard
    where kpi_id = 'arpa'
)

select * from final
