{#
    Where the CRM's declared opportunity type and the derived kind disagree:
    one row per (declared_type, opportunity_kind) with its count.
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

final as (
    select
        coalesce(declared_type, 'unknown') as declared_type,
        opportunity_kind,
        coalesce(declared_type = opportunity_kind, false)
            as is_declared_type_matching,
        cast(count(*) as {{ dbt.type_bigint() }}) as count_opportunities
    from opportunities
    group by 1, 2, 3
)

select * from final
