{# The KPI marts that make up kpi_scorecard, one per KPI id of the spec. #}
{% macro kpi_models() %}
    {{ return([
        'kpi_cross_sell_revenue',
        'kpi_arpa',
        'kpi_customer_lifetime_value',
        'kpi_product_penetration_rate',
        'kpi_cross_sell_conversion_rate',
        'kpi_cross_sell_opportunity_size',
        'kpi_time_to_cross_sell',
        'kpi_sales_cycle_length',
        'kpi_product_usage_rate',
        'kpi_csat',
        'kpi_nps',
        'kpi_churn_rate',
        'kpi_cross_sell_qualified_opportunities',
        'kpi_sales_team_engagement',
        'kpi_product_mix_ratio',
        'kpi_implementation_success_rate',
        'kpi_cross_sell_rate',
        'kpi_campaign_cross_sell_rate',
        'kpi_interaction_cross_sell_rate',
    ]) }}
{% endmacro %}
