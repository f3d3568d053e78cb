{#
    Every KPI at every grain, period and breakdown: the table BI tools read.
    Its columns are an enforced model contract (docs/marts.md).
#}
{% set kpi_marts = kpi_models() %}
with

{% for kpi_model in kpi_marts %}
{{ kpi_model }} as (
    select * from {{ ref(kpi_model) }}
),

{% endfor %}
unioned as (
    {%- for kpi_model in kpi_marts %}
    select
        kpi_id,
        kpi_category,
        grain,
        period_start,
        period_end,
        is_complete_period,
        is_fully_covered,
        dimension,
        dimension_value,
        numerator,
        denominator,
        value,
        unit,
        previous_value,
        change,
        is_small_sample
    from {{ kpi_model }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select * from unioned
)

select * from final
