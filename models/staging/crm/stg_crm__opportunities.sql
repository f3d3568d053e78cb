{#
    Current, valid, not deleted opportunities (base status candidate),
    renamed, with the amount in USD. Whether the account, owner, product
    and campaign are loaded is decided in int_opportunities_resolved.
#}
with

base_opportunities as (
    select * from {{ ref('base_crm__opportunities') }}
    where _dq_status = 'candidate'
),

final as (
    select
        -- ids
        opportunity_id,
        account_id,
        owner_rep_id,
        product_id,
        campaign_id,
        _record_key,
        -- strings
        declared_type,
        stage as stage_name,
        canonical_stage,
        currency as currency_code,
        -- numerics
        amount,
        cast(amount * usd_per_unit as {{ type_money() }}) as amount_usd,
        -- timestamps
        created_at,
        qualified_at,
        closed_at
    from base_opportunities
)

select * from final
