{#
    Fails on every row where `expression` is not true.
    Use config `where:` to limit the rows checked.

      data_tests:
        - expression_is_true:
            arguments:
              expression: "raw_rows = loaded + superseded + deleted + rejected"
#}
{% test expression_is_true(model, expression) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}
