{#
    One row per KPI of the catalogue: whether the optional raw tables it
    needs were present in this run, which were missing, and how many
    scorecard rows it has.
#}
with

kpis_sources_checked as (
    select * from {{ ref('int_kpis_sources_checked') }}
),

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
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
        kpis_sources_checked.kpi_id,
        kpis_sources_checked.kpi_category,
        kpis_sources_checked.unit,
        kpis_sources_checked.needs_optional_tables,
        kpis_sources_checked.missing_tables,
        kpis_sources_checked.is_available,
        cast(
            coalesce(scorecard_rows.count_scorecard_rows, 0)
            as {{ dbt.type_bigint() }}
        ) as count_scorecard_rows
    from kpis_sources_checked
    left join scorecard_rows
        on kpis_sources_checked.kpi_id = scorecard_rows.kpi_id
)

select * from final
