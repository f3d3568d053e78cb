{# The KPI marts that make up kpi_scorecard. Add a KPI mart here. #}
{% macro kpi_models() %}
    {{ return([
        'kpi_cross_sell_rate',
        'kpi_cross_sell_revenue',
        'kpi_product_penetration_rate',
        'kpi_arpa',
    ]) }}
{% endmacro %}
