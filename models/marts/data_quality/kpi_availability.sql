{#
    One row per KPI of the catalogue: whether the optional raw tables it
    needs were present in this run, which were missing, and how many
    scorecard rows it has.
#}
with

kpi_catalog as (
    select * from {{ ref('kpi_catalog') }}
),

inventory as (
    select * from {{ ref('stg_crm__raw_table_inventory') }}
),

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

needed_tables as (
    select
        kpi_catalog.kpi_id,
        inventory.table_name,
        inventory.is_present
    from kpi_catalog
    inner join inventory
        on
            {{ dbt.position(
                dbt.concat(["'|'", 'inventory.table_name', "'|'"]),
                dbt.concat(["'|'", "coalesce(kpi_catalog.needs_optional_tables, '')", "'|'"])
            ) }} > 0
),

missing_tables as (
    select
        kpi_id,
        count(*) as count_missing_tables,
        {{ dbt.listagg('table_name', "', '", 'order by table_name') }}
            as missing_tables
    from needed_tables
    where not is_present
    group by 1
),

scorecard_rows as (
    select
        kpi_id,
        count(*) as count_scorecard_rows
    from kpi_scorecard
    group by 1
),

final as (
    select
        kpi_catalog.kpi_id,
        kpi_catalog.kpi_category,
        kpi_catalog.unit,
        kpi_catalog.needs_optional_tables,
        missing_tables.missing_tables,
        missing_tables.kpi_id is null as is_available,
        cast(
            coalesce(scorecard_rows.count_scorecard_rows, 0)
            as {{ dbt.type_bigint() }}
        ) as count_scorecard_rows
    from kpi_catalog
    left join missing_tables
        on kpi_catalog.kpi_id = missing_tables.kpi_id
    left join scorecard_rows
        on kpi_catalog.kpi_id = scorecard_rows.kpi_id
)

select * from final
