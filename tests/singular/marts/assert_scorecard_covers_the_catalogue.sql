{#
    kpi_scorecard and the kpi_catalog registry agree: every KPI in the
    scorecard is in the catalogue, and every available KPI that fills
    empty periods has rows (so a formula model left out of
    int_kpis_computed is caught).
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

kpis_available as (
    select * from {{ ref('int_kpis_sources_checked') }}
    where is_available
),

kpi_catalog as (
    select * from {{ ref('kpi_catalog') }}
),

scorecard_kpis as (
    select distinct kpi_id from kpi_scorecard
),

not_in_catalogue as (
    select
        scorecard_kpis.kpi_id,
        'in kpi_scorecard, not in kpi_catalog' as problem
    from scorecard_kpis
    left join kpi_catalog
        on scorecard_kpis.kpi_id = kpi_catalog.kpi_id
    where kpi_catalog.kpi_id is null
),

without_rows as (
    select
        kpi_catalog.kpi_id,
        'available, but no rows in kpi_scorecard' as problem
    from kpi_catalog
    inner join kpis_available
        on kpi_catalog.kpi_id = kpis_available.kpi_id
    left join scorecard_kpis
        on kpi_catalog.kpi_id = scorecard_kpis.kpi_id
    where kpi_catalog.fills_empty_periods and scorecard_kpis.kpi_id is null
),

final as (
    select * from not_in_catalogue
    union all
    select * from without_rows
)

select * from final
