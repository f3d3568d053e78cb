{#
    customer_lifetime_value (usd): gross_margin * revenue of the period /
    customers that churned in [s, e) - the ARPA / churn-rate formula with
    both measured on the same customers. Null without churn.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'account_periods',
        account_dimensions(['overall', 'segment']),
        var('gross_margin') ~ ' * sum(revenue_usd)',
        'sum(case when is_churned_in_period then 1 else 0 end)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'customer_lifetime_value', 'revenue', 'usd', 'ratio'
) }}

select * from final
