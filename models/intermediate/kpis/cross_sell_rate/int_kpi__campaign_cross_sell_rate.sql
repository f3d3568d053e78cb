{#
    campaign_cross_sell_rate (percent), over all time: a member is a
    (campaign, account) row of the campaign members. Of the members that
    were customers when added (first purchase before added_at, not churned
    before it), the share with a cross-purchase event after added_at and
    at most var campaign_attribution_days days later.
    Breakdown: campaign only (no overall row).
#}
with

campaign_members as (
    select * from {{ ref('int_campaign_members_resolved') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain = 'all_time'
),

members_active_when_added as (
    select
        campaign_members.campaign_id,
        campaign_members.account_id,
        campaign_members.added_at
    from campaign_members
    inner join accounts_first_purchased
        on campaign_members.account_id = accounts_first_purchased.account_id
    where
        accounts_first_purchased.first_purchase_at < campaign_members.added_at
        and (
            accounts_first_purchased.churned_at is null
            or accounts_first_purchased.churned_at >= campaign_members.added_at
        )
),

members_converted as (
    select distinct
        members_active_when_added.campaign_id,
        members_active_when_added.account_id
    from members_active_when_added
    inner join account_products
        on
            members_active_when_added.account_id = account_products.account_id
            and members_active_when_added.added_at
            < account_products.first_purchased_at
            and account_products.first_purchased_at <= {{ dbt.dateadd(
                'day', var('campaign_attribution_days'),
                'members_active_when_added.added_at'
            ) }}
    where account_products.is_cross_purchase_event
),

breakdowns as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        'campaign' as dimension,
        coalesce(
            cast(
                members_active_when_added.campaign_id
                as {{ dbt.type_string() }}
            ),
            'unknown'
        ) as dimension_value,
        members_converted.account_id is not null as is_converted
    from members_active_when_added
    cross join calendar_periods
    left join members_converted
        on
            members_active_when_added.campaign_id
            = members_converted.campaign_id
            and members_active_when_added.account_id
            = members_converted.account_id
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_converted then 1 else 0 end) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
