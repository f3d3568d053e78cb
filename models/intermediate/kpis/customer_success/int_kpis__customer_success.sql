{#
    The customer success KPIs of the catalogue, stacked: one formula model
    (int_kpi__<kpi_id>) per KPI, tagged with its kpi_id.
#}
with

product_usage_rate as (
    select * from {{ ref('int_kpi__product_usage_rate') }}
),

csat as (
    select * from {{ ref('int_kpi__csat') }}
),

nps as (
    select * from {{ ref('int_kpi__nps') }}
),

churn_rate as (
    select * from {{ ref('int_kpi__churn_rate') }}
),

final as (
    select
        'product_usage_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from product_usage_rate
    union all
    select
        'csat' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from csat
    union all
    select
        'nps' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from nps
    union all
    select
        'churn_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from churn_rate
)

select * from final
