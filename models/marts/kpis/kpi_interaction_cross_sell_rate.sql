{#
    interaction_cross_sell_rate (percent): interactions in [s, e) whose
    opportunity is a won cross_sell opportunity (by its current stage,
    whenever it closed) / interactions in [s, e).
#}
with

interactions as (
    select * from {{ ref('int_interactions_resolved') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

interactions_in_periods as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        interactions.rep_id,
        interactions.channel,
        interactions.interaction_type,
        coalesce(
            opportunities.is_cross_sell_opportunity and opportunities.is_won,
            false
        ) as is_won_cross_sell
    from interactions
    inner join calendar_periods
        on {{ in_period('interactions.occurred_at') }}
    left join opportunities
        on interactions.opportunity_id = opportunities.opportunity_id
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'interactions_in_periods',
        [
            ['overall', "'all'"],
            ['sales_rep', 'rep_id'],
            ['channel', 'channel'],
            ['interaction_type', 'interaction_type'],
        ],
        'sum(case when is_won_cross_sell then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'interaction_cross_sell_rate', 'cross_sell_rate', 'percent',
    'rate'
) }}

select * from final
