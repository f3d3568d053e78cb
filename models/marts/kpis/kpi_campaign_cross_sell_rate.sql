{#
    campaign_cross_sell_rate (percent), grain all_time, by campaign: members
    (campaign, account) active when added that have a cross-purchase event
    in (added_at, added_at + campaign_attribution_days days] / members
    active when added.
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

active_members as (
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

converted_members as (
    select distinct
        active_members.campaign_id,
        active_members.account_id
    from active_members
    inner join account_products
        on
            active_members.account_id = account_products.account_id
            and active_members.added_at < account_products.first_purchased_at
            and account_products.first_purchased_at <= {{ dbt.dateadd(
                'day', var('campaign_attribution_days'),
                'active_members.added_at'
            ) }}
    where account_products.is_cross_purchase_event
),

members_flagged as (
    select
        calendar_periods.grain,
        calendar_periods.period_start,
        active_members.campaign_id,
        converted_members.account_id is not null as is_converted
    from active_members
    cross join calendar_periods
    left join converted_members
        on
            active_members.campaign_id = converted_members.campaign_id
            and active_members.account_id = converted_members.account_id
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'members_flagged',
        [['campaign', 'campaign_id']],
        'sum(case when is_converted then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'campaign_cross_sell_rate', 'cross_sell_rate', 'percent',
    'rate', grains=[]
) }}

select * from final
