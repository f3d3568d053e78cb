{#
    cross_sell_qualified_opportunities (count): cross_sell opportunities
    whose qualified_at is in [s, e).
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

qualified_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        opportunities.owner_rep_id,
        opportunities.product_id,
        opportunities.campaign_id
    from opportunities
    inner join calendar_periods
        on {{ in_period('opportunities.qualified_at') }}
    where opportunities.is_cross_sell_opportunity
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'qualified_in_periods',
        [
            ['overall', "'all'"],
            ['sales_rep', 'owner_rep_id'],
            ['product', 'product_id'],
            ['campaign', 'campaign_id'],
        ],
        'count(*)',
        'cast(null as ' ~ type_double() ~ ')',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'cross_sell_qualified_opportunities', 'operational',
    'count', 'sum'
) }}

select * from final
