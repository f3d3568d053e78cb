{# True when the timestamp falls in the calendar period [start, end). #}
{% macro in_period(timestamp_column, calendar='calendar_periods') %}
    {{ timestamp_column }} >= {{ calendar }}.period_start_at
    and {{ timestamp_column }} < {{ calendar }}.period_end_at
{% endmacro %}


{# Whole calendar days from one timestamp's date to another's. #}
{% macro days_between(earlier, later) %}
    {{ dbt.datediff(
        'cast(' ~ earlier ~ ' as date)', 'cast(' ~ later ~ ' as date)', 'day'
    ) }}
{% endmacro %}
