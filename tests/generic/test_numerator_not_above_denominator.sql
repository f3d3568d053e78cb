{#
    Fails on every KPI row whose numerator exceeds its denominator: for a
    rate counting members of a population, the part cannot outgrow the
    whole.
#}
{% test numerator_not_above_denominator(model) %}

select *
from {{ model }}
where
    denominator is not null
    and numerator > denominator

{% endtest %}
