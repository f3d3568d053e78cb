{#
    Fails on every KPI row whose value does not follow from its numerator
    and denominator:
      - sums and counts (denominator null): value = numerator
      - zero denominator: value is null
      - percent and score: value = 100 * numerator / denominator
      - other units (usd, days averages): value = numerator / denominator
#}
{% test kpi_value_consistent(model) %}

with

checked as (
    select
        *,
        case
            when denominator is null then numerator
            when denominator = 0 then null
            when unit in ('percent', 'score')
                then 100 * numerator / denominator
            else numerator / denominator
        end as expected_value
    from {{ model }}
)

select *
from checked
where
    (expected_value is null and value is not null)
    or (expected_value is not null and value is null)
    or abs(value - expected_value) > 1e-9 * (1 + abs(expected_value))

{% endtest %}
