{#
    The cross-sell rate KPIs of the catalogue, stacked: one formula model
    (int_kpi__<kpi_id>) per KPI, tagged with its kpi_id.
#}
with

cross_sell_rate as (
    select * from {{ ref('int_kpi__cross_sell_rate') }}
),

campaign_cross_sell_rate as (
    select * from {{ ref('int_kpi__campaign_cross_sell_rate') }}
),

interaction_cross_sell_rate as (
    select * from {{ ref('int_kpi__interaction_cross_sell_rate') }}
),

final as (
    select
        'cross_sell_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from cross_sell_rate
    union all
    select
        'campaign_cross_sell_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from campaign_cross_sell_rate
    union all
    select
        'interaction_cross_sell_rate' as kpi_id,
        grain,
        period_start,
        dimension,
        dimension_value,
        numerator,
        denominator
    from interaction_cross_sell_rate
)

select * from final
