{#
    opportunities from Salesforce's opportunity: one row per landed version.
    stage: closed_won when is_won, closed_lost when is_closed and not won,
      open when is_closed is false; with both flags empty, the stage name
      itself (mapped by crm_stage_map like any CRM's, which also tells
      whether it is closed).
    closed_at (closed deals only; the close date of an open deal is a
      forecast): when the deal last entered its current stage according to
      opportunity_history; without history, close_date, or created_date when
      the deal closed the day it was created.
    qualified_at: the first time opportunity_history shows the deal at a
      stage of salesforce_qualified_stages.
    product_id: salesforce__opportunity_products. declared_type: the Type
    picklist through salesforce_opportunity_types, else as written.
#}
with

opportunity as (
    select * from {{ source('salesforce', 'opportunity') }}
),

opportunity_products as (
    select * from {{ ref('salesforce__opportunity_products') }}
),

stage_entries as (
    select * from {{ ref('salesforce__opportunity_stage_entries') }}
),

opportunity_history as (
    select * from {{ source('salesforce', 'opportunity_history') }}
),

qualified_stages as (
    select * from {{ ref('salesforce_qualified_stages') }}
),

opportunity_types as (
    select * from {{ ref('salesforce_opportunity_types') }}
),

stage_map as (
    select * from {{ ref('crm_stage_map') }}
),

qualified as (
    select
        opportunity_history.opportunity_id,
        min(
            {{ crm_parse_timestamp('opportunity_history.created_date') }}
        ) as qualified_at
    from opportunity_history
    inner join qualified_stages
        on
            {{ salesforce_key('opportunity_history.stage_name') }}
            = {{ salesforce_key('qualified_stages.stage_name') }}
    where
        {{ salesforce_is_deleted('opportunity_history') }} = 'false'
    group by 1
),

opportunities_read as (
    select
        opportunity.*,
        case
            when {{ salesforce_flag('opportunity.is_won') }}
                then 'closed_won'
            when {{ salesforce_flag('opportunity.is_closed') }}
                then 'closed_lost'
            when
                {{ crm_parse_value('opportunity.is_closed', 'boolean') }}
                is not null
                then 'open'
            else opportunity.stage_name
        end as contract_stage,
        case
            when {{ salesforce_flag('opportunity.is_closed') }}
                then true
            when
                {{ crm_parse_value('opportunity.is_closed', 'boolean') }}
                is not null
                then false
            else
                coalesce(
                    stage_map.canonical_stage in ('closed_won', 'closed_lost'),
                    false
                )
        end as is_closed_deal,
        {{ crm_parse_timestamp('opportunity.created_date') }}
            as created_moment,
        {{ crm_parse_value('opportunity.close_date', 'date') }}
            as close_day
    from opportunity
    left join stage_map
        on
            {{ salesforce_key('opportunity.stage_name') }}
            = {{ salesforce_key('stage_map.crm_stage_name') }}
),

opportunities_dated as (
    select
        opportunities_read.*,
        case
            when not opportunities_read.is_closed_deal then null
            when stage_entries.entered_at is not null
                then {{ salesforce_text('stage_entries.entered_at') }}
            when
                cast(opportunities_read.created_moment as date)
                = opportunities_read.close_day
                then opportunities_read.created_date
            else opportunities_read.close_date
        end as closed_at
    from opportunities_read
    left join stage_entries
        on
            opportunities_read.id = stage_entries.opportunity_id
            and {{ salesforce_key('opportunities_read.stage_name') }}
            = stage_entries.stage_key
),

final as (
    select
        {{ salesforce_text('opportunities_dated.id') }} as opportunity_id,
        {{ salesforce_text('opportunities_dated.account_id') }} as account_id,
        {{ salesforce_text('opportunities_dated.owner_id') }} as owner_rep_id,
        {{ salesforce_text('opportunity_products.product_id') }}
            as product_id,
        {{ salesforce_text('opportunities_dated.campaign_id') }}
            as campaign_id,
        {{ salesforce_text(
            'coalesce(opportunity_types.declared_type, '
            ~ salesforce_value('opportunities_dated.type') ~ ')'
        ) }} as declared_type,
        {{ salesforce_text('opportunities_dated.contract_stage') }} as stage,  -- noqa: RF04
        {{ salesforce_text('opportunities_dated.amount') }} as amount,
        {{ salesforce_text(salesforce_currency('opportunities_dated')) }}
            as currency,
        {{ salesforce_text('opportunities_dated.created_date') }}
            as created_at,
        {{ salesforce_text('qualified.qualified_at') }} as qualified_at,
        {{ salesforce_text('opportunities_dated.closed_at') }} as closed_at,
        {{ salesforce_is_deleted('opportunities_dated') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('opportunities_dated')) }}
            as _loaded_at
    from opportunities_dated
    left join opportunity_products
        on opportunities_dated.id = opportunity_products.opportunity_id
    left join qualified
        on opportunities_dated.id = qualified.opportunity_id
    left join opportunity_types
        on
            {{ salesforce_key('opportunities_dated.type') }}
            = {{ salesforce_key('opportunity_types.salesforce_type') }}
)

select * from final
