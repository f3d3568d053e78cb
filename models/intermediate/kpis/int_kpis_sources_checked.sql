{#
    One row per KPI of the catalogue: are the optional raw tables it needs
    present in this run? A KPI whose tables are absent gets no rows at all
    (not even zero-filled overall rows).
#}
with

kpi_catalog as (
    select * from {{ ref('kpi_catalog') }}
),

inventory as (
    select * from {{ ref('stg_crm__raw_table_inventory') }}
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
                dbt.concat([
                    "'|'",
                    "coalesce(kpi_catalog.needs_optional_tables, '')",
                    "'|'",
                ])
            ) }} > 0
),

missing_tables as (
    select
        kpi_id,
        {{ dbt.listagg('table_name', "', '", 'order by table_name') }}
            as missing_tables
    from needed_tables
    where not is_present
    group by 1
),

final as (
    select
        kpi_catalog.kpi_id,
        kpi_catalog.kpi_category,
        kpi_catalog.unit,
        kpi_catalog.needs_optional_tables,
        missing_tables.missing_tables,
        missing_tables.kpi_id is null as is_available
    from kpi_catalog
    left join missing_tables
        on kpi_catalog.kpi_id = missing_tables.kpi_id
)

select * from final
