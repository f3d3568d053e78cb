{#
    One row per raw table present: where every raw row went, counted from
    int_crm_row_outcomes (one row per raw row). The singular test
    assert_row_outcomes_match_base_and_resolved_models checks that model
    against the base and resolved models it was built from, so a row that
    vanished or was counted twice fails the build.
#}
with

inventory as (
    select * from {{ ref('stg_crm__raw_table_inventory') }}
),

row_outcomes as (
    select * from {{ ref('int_crm_row_outcomes') }}
),

counted as (
    select
        table_name,
        count(*) as raw_rows,
        sum(case when status = 'loaded' then 1 else 0 end) as loaded,
        sum(case when status = 'superseded' then 1 else 0 end) as superseded,
        sum(case when status = 'deleted' then 1 else 0 end) as deleted,
        sum(case when status = 'rejected' then 1 else 0 end) as rejected,
        sum(dangling_reference_count) as dangling_optional_references
    from row_outcomes
    group by 1
),

{# an empty raw table has no outcome rows: its counts are 0 #}
final as (
    select
        inventory.table_name,
        cast(
            coalesce(counted.raw_rows, 0) as {{ dbt.type_bigint() }}
        ) as raw_rows,
        cast(coalesce(counted.loaded, 0) as {{ dbt.type_bigint() }}) as loaded,
        cast(
            coalesce(counted.superseded, 0) as {{ dbt.type_bigint() }}
        ) as superseded,
        cast(
            coalesce(counted.deleted, 0) as {{ dbt.type_bigint() }}
        ) as deleted,
        cast(
            coalesce(counted.rejected, 0) as {{ dbt.type_bigint() }}
        ) as rejected,
        cast(
            coalesce(counted.dangling_optional_references, 0)
            as {{ dbt.type_bigint() }}
        ) as dangling_optional_references
    from inventory
    left join counted
        on inventory.table_name = counted.table_name
    where inventory.is_present
)

select * from final
