{#
    One row per landed deal row (every history-mode version), with what the
    purchase and opportunity models share: the canonical stage read from
    the stage's own closed_won / is_closed flags (null when the stage is
    not landed), the deal's company (the association of type
    hubspot_primary_deal_company_type_id, else the lowest company_id) and
    whether the deal's pipeline, as of its latest version, holds purchases
    and/or opportunities (vars hubspot_purchase_pipelines and
    hubspot_opportunity_pipelines, pipeline ids or labels; null = every
    pipeline).
#}
with

deal as (
    select * from {{ source('hubspot', 'deal') }}
),

deal_company as (
    select * from {{ source('hubspot', 'deal_company') }}
),

deal_pipeline as (
    select * from {{ source('hubspot', 'deal_pipeline') }}
),

deal_pipeline_stage as (
    select * from {{ source('hubspot', 'deal_pipeline_stage') }}
),

stage_versions as (
    select
        {{ hubspot_text('stage_id') }} as stage_id,
        case
            when {{ hubspot_flag('closed_won') }} then 'closed_won'
            when {{ hubspot_flag('is_closed') }} then 'closed_lost'
            else 'open'
        end as canonical_stage,
        row_number() over (
            partition by {{ hubspot_text('stage_id') }}
            order by
                {{ crm_parse_timestamp(
                    'coalesce(' ~ hubspot_text('_fivetran_start') ~ ', '
                    ~ hubspot_text('_fivetran_synced') ~ ')'
                ) }} desc nulls last
        ) as version_rank
    from deal_pipeline_stage
),

stages as (
    select
        stage_id,
        canonical_stage
    from stage_versions
    where version_rank = 1
),

pipelines as (
    select
        {{ hubspot_text('pipeline_id') }} as pipeline_id,
        max({{ hubspot_text('label') }}) as pipeline_label
    from deal_pipeline
    group by 1
),

company_links as (
    select
        {{ hubspot_text('deal_id') }} as deal_id,
        {{ hubspot_text('company_id') }} as company_id,
        row_number() over (
            partition by {{ hubspot_text('deal_id') }}
            order by
                case
                    when {{ hubspot_text('type_id') }} = {{
                        hubspot_var_text('hubspot_primary_deal_company_type_id')
                    }} then 0
                    else 1
                end,
                {{ hubspot_text('company_id') }}
        ) as company_rank
    from deal_company
    where
        not {{ hubspot_flag('_fivetran_deleted') }}
        and {{ hubspot_text('company_id') }} is not null
),

deal_versions as (
    select
        {{ hubspot_text('deal.deal_id') }} as deal_id,
        {{ hubspot_text('deal.deal_pipeline_id') }} as pipeline_id,
        {{ hubspot_text('deal.deal_pipeline_stage_id') }} as stage_id,
        {{ hubspot_text('deal.owner_id') }} as owner_id,
        {{ hubspot_text('deal.property_amount') }} as amount,
        {{ hubspot_text('deal.property_closedate') }} as closedate,
        {{ hubspot_text('deal.property_createdate') }} as createdate,
        {{ hubspot_text('deal.property_dealtype') }} as dealtype,
        coalesce(
            upper({{ hubspot_text('deal.property_deal_currency_code') }}),
            {{ hubspot_var_text('hubspot_currency') }}
        ) as currency,
        {{ hubspot_text('deal.campaign_field') }} as campaign_id,
        {{ hubspot_text('deal.qualified_at_field') }} as qualified_at,
        {{ hubspot_flag('deal.is_deleted') }}
        or {{ hubspot_flag('deal._fivetran_deleted') }}
        or {{ hubspot_is_closed_version('deal._fivetran_active') }}
            as is_deleted,
        coalesce(
            {{ hubspot_text('deal._fivetran_start') }},
            {{ hubspot_text('deal._fivetran_synced') }}
        ) as loaded_at
    from deal
),

deal_versions_ranked as (
    select
        deal_versions.*,
        row_number() over (
            partition by deal_versions.deal_id
            order by
                {{ crm_parse_timestamp('deal_versions.loaded_at') }} desc
                nulls last
        ) as version_rank
    from deal_versions
),

latest_pipelines as (
    select
        deal_versions_ranked.deal_id,
        pipelines.pipeline_label,
        {{ hubspot_matches_var(
            ['deal_versions_ranked.pipeline_id', 'pipelines.pipeline_label'],
            var('hubspot_purchase_pipelines'),
        ) }} as is_purchase_pipeline,
        {{ hubspot_matches_var(
            ['deal_versions_ranked.pipeline_id', 'pipelines.pipeline_label'],
            var('hubspot_opportunity_pipelines'),
        ) }} as is_opportunity_pipeline
    from deal_versions_ranked
    left join pipelines
        on deal_versions_ranked.pipeline_id = pipelines.pipeline_id
    where deal_versions_ranked.version_rank = 1
),

final as (
    select
        deal_versions.deal_id,
        company_links.company_id,
        deal_versions.owner_id,
        deal_versions.pipeline_id,
        deal_versions.stage_id,
        stages.canonical_stage,
        deal_versions.amount,
        deal_versions.currency,
        deal_versions.createdate,
        deal_versions.closedate,
        deal_versions.qualified_at,
        deal_versions.campaign_id,
        deal_versions.dealtype,
        latest_pipelines.is_purchase_pipeline,
        latest_pipelines.is_opportunity_pipeline,
        deal_versions.is_deleted,
        deal_versions.loaded_at
    from deal_versions
    left join stages
        on deal_versions.stage_id = stages.stage_id
    left join company_links
        on
            deal_versions.deal_id = company_links.deal_id
            and company_links.company_rank = 1
    left join latest_pipelines
        on deal_versions.deal_id = latest_pipelines.deal_id
)

select * from final
