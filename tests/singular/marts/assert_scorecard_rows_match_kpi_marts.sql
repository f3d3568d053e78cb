{#
    The scorecard is exactly the union of the KPI marts: the same number of
    rows per KPI, and no KPI mart missing from it.
#}
with

kpi_scorecard as (
    select * from {{ ref('kpi_scorecard') }}
),

{% set kpi_marts = kpi_models() %}
mart_counts as (
    {%- for kpi_model in kpi_marts %}
    select
        '{{ kpi_model }}' as kpi_model,
        count(*) as count_rows
    from {{ ref(kpi_model) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

scorecard_counts as (
    select
        {{ dbt.concat(["'kpi_'", 'kpi_id']) }} as kpi_model,
        count(*) as count_rows
    from kpi_scorecard
    group by 1
),

compared as (
    select
        mart_counts.kpi_model,
        mart_counts.count_rows as mart_rows,
        scorecard_counts.count_rows as scorecard_rows
    from mart_counts
    left join scorecard_counts
        on mart_counts.kpi_model = scorecard_counts.kpi_model
    where mart_counts.count_rows != coalesce(scorecard_counts.count_rows, 0)
)

select * from compared
