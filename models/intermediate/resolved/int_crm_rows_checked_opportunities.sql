{#
    Every raw opportunities, interactions and implementations row, with
    whether it was loaded and which required parents were not (see
    int_crm_row_outcomes).
#}
with

base_opportunities as (
    select * from {{ ref('base_crm__opportunities') }}
),

base_interactions as (
    select * from {{ ref('base_crm__interactions') }}
),

base_implementations as (
    select * from {{ ref('base_crm__implementations') }}
),

opportunities as (
    select * from {{ ref('int_opportunities_resolved') }}
),

interactions as (
    select * from {{ ref('int_interactions_resolved') }}
),

implementations as (
    select * from {{ ref('int_implementations_resolved') }}
),

accounts as (
    select * from {{ ref('int_accounts_resolved') }}
),

opportunities_checked as (
    select
        'opportunities' as table_name,
        base_opportunities._record_key as record_key,
        base_opportunities._dq_status as base_status,
        base_opportunities._dq_reason as base_reason,
        base_opportunities._dq_failed_columns as base_failed_columns,
        opportunities._record_key is not null as is_loaded,
        case
            when accounts.account_id is null then 'account_id'
        end as missing_parent_columns,
        coalesce(opportunities._dangling_reference_count, 0)
            as dangling_reference_count,
        base_opportunities._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                opportunities._record_key is null
                and base_opportunities._dq_status in ('candidate', 'rejected')
                then base_opportunities._raw_values
        end as raw_values
    from base_opportunities
    left join opportunities
        on
            base_opportunities._dq_status = 'candidate'
            and base_opportunities._record_key = opportunities._record_key
    left join accounts
        on base_opportunities.account_id = accounts.account_id
),

interactions_checked as (
    select
        'interactions' as table_name,
        base_interactions._record_key as record_key,
        base_interactions._dq_status as base_status,
        base_interactions._dq_reason as base_reason,
        base_interactions._dq_failed_columns as base_failed_columns,
        interactions._record_key is not null as is_loaded,
        case
            when accounts.account_id is null then 'account_id'
        end as missing_parent_columns,
        coalesce(interactions._dangling_reference_count, 0)
            as dangling_reference_count,
        base_interactions._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                interactions._record_key is null
                and base_interactions._dq_status in ('candidate', 'rejected')
                then base_interactions._raw_values
        end as raw_values
    from base_interactions
    left join interactions
        on
            base_interactions._dq_status = 'candidate'
            and base_interactions._record_key = interactions._record_key
    left join accounts
        on base_interactions.account_id = accounts.account_id
),

implementations_checked as (
    select
        'implementations' as table_name,
        base_implementations._record_key as record_key,
        base_implementations._dq_status as base_status,
        base_implementations._dq_reason as base_reason,
        base_implementations._dq_failed_columns as base_failed_columns,
        implementations._record_key is not null as is_loaded,
        case
            when opportunities.opportunity_id is null then 'opportunity_id'
        end as missing_parent_columns,
        0 as dangling_reference_count,
        base_implementations._loaded_at as loaded_at,
        -- only a row that ends rejected is shown with its raw values
        case
            when
                implementations._record_key is null
                and base_implementations._dq_status in ('candidate', 'rejected')
                then base_implementations._raw_values
        end as raw_values
    from base_implementations
    left join implementations
        on
            base_implementations._dq_status = 'candidate'
            and base_implementations._record_key = implementations._record_key
    left join opportunities
        on base_implementations.opportunity_id = opportunities.opportunity_id
),

final as (
    select * from opportunities_checked
    union all
    select * from interactions_checked
    union all
    select * from implementations_checked
)

select * from final
