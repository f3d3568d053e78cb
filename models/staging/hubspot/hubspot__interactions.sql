{#
    The contract's interactions from HubSpot engagements: one row per landed
    engagement row. The detail tables (engagement_call, _email, _meeting,
    _note, _task, _communication; the latest row per engagement) give the
    time (property_hs_timestamp, else engagement.timestamp of older
    schemas), the owner and the interaction type (the property named by var
    hubspot_engagement_interaction_type_field). The hubspot_engagement_types
    seed maps the engagement type to the channel and to the interaction
    type used when the property is empty. account_id is the lowest
    associated company_id, opportunity_id the lowest associated deal_id.
#}
{%- set detail_tables = [
    'engagement_call', 'engagement_email', 'engagement_meeting',
    'engagement_note', 'engagement_task', 'engagement_communication',
] -%}
with

engagement as (
    select * from {{ source('hubspot', 'engagement') }}
),
{% for table in detail_tables %}
{{ table }} as (
    select * from {{ source('hubspot', table) }}
),
{% endfor %}
engagement_company as (
    select * from {{ source('hubspot', 'engagement_company') }}
),

engagement_deal as (
    select * from {{ source('hubspot', 'engagement_deal') }}
),

hubspot_engagement_types as (
    select * from {{ ref('hubspot_engagement_types') }}
),

details as (
    {%- for table in detail_tables %}
    select
        {{ hubspot_text('engagement_id') }} as engagement_id,
        {{ hubspot_text('property_hs_timestamp') }} as occurred_at,
        {{ hubspot_text('property_hubspot_owner_id') }} as owner_id,
        {{ hubspot_text('interaction_type_field') }} as interaction_type,
        {{ hubspot_flag('_fivetran_deleted') }} as is_deleted,
        {{ hubspot_text('_fivetran_synced') }} as loaded_at
    from {{ table }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

details_ranked as (
    select
        details.*,
        row_number() over (
            partition by details.engagement_id
            order by
                {{ crm_parse_timestamp('details.loaded_at') }} desc
                nulls last
        ) as detail_rank
    from details
),

companies as (
    select
        {{ hubspot_text('engagement_id') }} as engagement_id,
        min({{ hubspot_text('company_id') }}) as company_id
    from engagement_company
    group by 1
),

deals as (
    select
        {{ hubspot_text('engagement_id') }} as engagement_id,
        min({{ hubspot_text('deal_id') }}) as deal_id
    from engagement_deal
    group by 1
),

engagements as (
    select
        {{ hubspot_text('id') }} as engagement_id,
        upper({{ hubspot_text('type') }}) as engagement_type,
        {{ hubspot_text('owner_id') }} as owner_id,
        {{ hubspot_text('timestamp') }} as occurred_at,
        {{ hubspot_flag('_fivetran_deleted') }} as is_deleted,
        {{ hubspot_text('_fivetran_synced') }} as loaded_at
    from engagement
),

final as (
    select
        cast(engagements.engagement_id as {{ dbt.type_string() }})
            as interaction_id,
        cast(companies.company_id as {{ dbt.type_string() }}) as account_id,
        cast(
            coalesce(details_ranked.owner_id, engagements.owner_id)
            as {{ dbt.type_string() }}
        ) as rep_id,
        cast(
            coalesce(details_ranked.occurred_at, engagements.occurred_at)
            as {{ dbt.type_string() }}
        ) as occurred_at,
        cast(hubspot_engagement_types.channel as {{ dbt.type_string() }})
            as channel,
        cast(
            coalesce(
                details_ranked.interaction_type,
                hubspot_engagement_types.interaction_type
            ) as {{ dbt.type_string() }}
        ) as interaction_type,
        cast(deals.deal_id as {{ dbt.type_string() }}) as opportunity_id,
        cast(
            {{ hubspot_boolean_text(
                'engagements.is_deleted or coalesce(details_ranked.is_deleted, false)'
            ) }} as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(
            coalesce(details_ranked.loaded_at, engagements.loaded_at)
            as {{ dbt.type_string() }}
        ) as _loaded_at
    from engagements
    left join details_ranked
        on
            engagements.engagement_id = details_ranked.engagement_id
            and details_ranked.detail_rank = 1
    left join companies
        on engagements.engagement_id = companies.engagement_id
    left join deals
        on engagements.engagement_id = deals.engagement_id
    left join hubspot_engagement_types
        on
            engagements.engagement_type
            = upper(trim(hubspot_engagement_types.engagement_type))
)

select * from final
