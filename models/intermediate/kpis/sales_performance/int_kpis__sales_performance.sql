{#
    The sales performance KPIs of the catalogue, stacked: one formula model
    (int_kpi__<kpi_id>) per KPI, tagged with its kpi_id.
#}
with

cross_sell_conversion_rate as (
    select * from {{ ref('int_kpi__cross_sell_conversion_rate') }}
),

cross_sell_opportunity_size as (
    select * from {{ ref('int_kpi__cross_sell_opportunity_size') }}
),

time_to_cross_sell as (
    select * from {{ ref('int_kpi__time_to_cross_sell') }}
),

sales_cycle_length as (
    select * from {{ ref('int_kpi__sales_cycle_length') }}
),

final as (
    select
        'cross_sell_conversion_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from cross_sell_conversion_rate
    union all
    select
        'cross_sell_opportunity_size' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from cross_sell_opportunity_size
    union all
    select
        'time_to_cross_sell' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from time_to_cross_sell
    union all
    select
        'sales_cycle_length' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from sales_cycle_length
)

select * from final
