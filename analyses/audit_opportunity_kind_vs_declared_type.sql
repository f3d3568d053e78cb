{#
    Ad-hoc audit: how the CRM's declared opportunity type compares with the
    kind the project derives from purchase history. Compile with
    `dbt compile --select audit_opportunity_kind_vs_declared_type` and run
    the SQL in target/compiled against the warehouse.
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_tagged_cross_sell') }}
),

compared as (
    select
        coalesce(declared_type, '(none)') as declared_type,
        opportunity_kind,
        count(*) as count_opportunities
    from opportunities
    group by 1, 2
)

select * from compared
order by 1, 2
