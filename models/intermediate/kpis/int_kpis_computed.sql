{#
    Every KPI of the catalogue, stacked from the five category models:
    (kpi_id, grain, period_start, dimension, dimension_value, numerator,
    denominator). kpi_scorecard finishes these rows.
#}
{{ config(materialized='table') }}

with

revenue as (
    select * from {{ ref('int_kpis__revenue') }}
),

sales_performance as (
    select * from {{ ref('int_kpis__sales_performance') }}
),

customer_success as (
    select * from {{ ref('int_kpis__customer_success') }}
),

operational as (
    select * from {{ ref('int_kpis__operational') }}
),

cross_sell_rate as (
    select * from {{ ref('int_kpis__cross_sell_rate') }}
),

final as (
    select * from revenue
    union all
    select * from sales_performance
    union all
    select * from customer_success
    union all
    select * from operational
    union all
    select * from cross_sell_rate
)

select * from final
