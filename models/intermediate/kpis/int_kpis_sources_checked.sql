{#
    One row per KPI of the catalogue: are the optional raw tables it needs
    (kpi_needed_tables) present in this run? A KPI whose tables are absent
    gets no rows at all in kpi_scorecard (not even zero-filled overall
    rows).
#}
with

kpi_catalog as (
    select * from {{ ref('kpi_catalog') }}
),

kpi_needed_tables as (
    select * from {{ ref('kpi_needed_tables') }}
),

inventory as (
    select * from {{ ref('stg_crm__raw_table_inventory') }}
),

needed_tables as (
    select
        kpi_needed_tables.kpi_id,
        kpi_needed_tables.table_name,
        coalesce(inventory.is_present, false) as is_present
    from kpi_needed_tables
    left join inventory
        on kpi_needed_tables.table_name = inventory.table_name
),

needs as (
    select
        kpi_id,
        {{ dbt.listagg('table_name', "'|'", 'order by table_name') }}
            as needs_optional_tables
    from needed_tables
    group by 1
),

missing as (
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
        needs.needs_optional_tables,
        missing.missing_tables,
        missing.kpi_id is null as is_available
    from kpi_catalog
    left join needs
        on kpi_catalog.kpi_id = needs.kpi_id
    left join missing
        on kpi_catalog.kpi_id = missing.kpi_id
)

select * from final
