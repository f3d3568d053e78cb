{#
    The operational KPIs of the catalogue, stacked: one formula model
    (int_kpi__<kpi_id>) per KPI, tagged with its kpi_id.
#}
with

cross_sell_qualified_opportunities as (
    select * from {{ ref('int_kpi__cross_sell_qualified_opportunities') }}
),

sales_team_engagement as (
    select * from {{ ref('int_kpi__sales_team_engagement') }}
),

product_mix_ratio as (
    select * from {{ ref('int_kpi__product_mix_ratio') }}
),

implementation_success_rate as (
    select * from {{ ref('int_kpi__implementation_success_rate') }}
),

final as (
    select
        'cross_sell_qualified_opportunities' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from cross_sell_qualified_opportunities
    union all
    select
        'sales_team_engagement' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from sales_team_engagement
    union all
    select
        'product_mix_ratio' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from product_mix_ratio
    union all
    select
        'implementation_success_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from implementation_success_rate
)

select * from final
