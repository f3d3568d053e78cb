{#
    Closed (won or lost) opportunities placed in every calendar period (not
    all_time) their closed_at falls in, with the account's segment and the
    whole days from creation to close.
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain != 'all_time'
),

final as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        opportunities.opportunity_id,
        opportunities.owner_rep_id,
        opportunities.product_id,
        opportunities.campaign_id,
        opportunities.opportunity_kind,
        opportunities.is_cross_sell_opportunity,
        opportunities.is_won,
        opportunities.amount_usd,
        accounts_first_purchased.segment,
        {{ days_between(
            'opportunities.created_at', 'opportunities.closed_at'
        ) }} as cycle_days
    from opportunities
    inner join calendar_periods
        on {{ in_period('opportunities.closed_at') }}
    inner join accounts_first_purchased
        on opportunities.account_id = accounts_first_purchased.account_id
    where opportunities.is_closed
)

select * from final
