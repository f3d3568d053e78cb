{#
    Ad-hoc audit: the declared/derived opportunity-kind pairs that disagree,
    most frequent first, with their share of all opportunities. Compile with
    `dbt compile --select audit_opportunity_kind_vs_declared_type` and run
    the SQL in target/compiled against the warehouse (read-only target).
#}
with

opportunity_kinds as (
    select * from {{ ref('data_quality_opportunity_kinds') }}
),

shares as (
    select
        declared_type,
        opportunity_kind,
        count_opportunities,
        100.0 * count_opportunities
        / sum(count_opportunities) over () as share_of_opportunities
    from opportunity_kinds
),

mismatches as (
    select * from shares
    where declared_type != opportunity_kind
    order by 3 desc
)

select * from mismatches
