{#
    The revenue KPIs of the catalogue, stacked: one formula model
    (int_kpi__<kpi_id>) per KPI, tagged with its kpi_id.
#}
with

cross_sell_revenue as (
    select * from {{ ref('int_kpi__cross_sell_revenue') }}
),

arpa as (
    select * from {{ ref('int_kpi__arpa') }}
),

customer_lifetime_value as (
    select * from {{ ref('int_kpi__customer_lifetime_value') }}
),

product_penetration_rate as (
    select * from {{ ref('int_kpi__product_penetration_rate') }}
),

final as (
    select
        'cross_sell_revenue' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from cross_sell_revenue
    union all
    select
        'arpa' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from arpa
    union all
    select
        'customer_lifetime_value' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from customer_lifetime_value
    union all
    select
        'product_penetration_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from product_penetration_rate
)

select * from final
