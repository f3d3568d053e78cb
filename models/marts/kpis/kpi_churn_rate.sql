{#
    churn_rate (percent): accounts active at s whose churned_at is in
    [s, e) / accounts active at s. product_holding by holding at s.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

active_at_start as (
    select
        account_periods.*,
        case
            when account_periods.holding_at_start >= 2 then 'multi'
            else 'single'
        end as product_holding
    from account_periods
    where account_periods.is_active_at_start
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'active_at_start',
        account_dimensions(['overall', 'segment'])
        + [['product_holding', 'product_holding']],
        'sum(case when is_churned_in_period then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'churn_rate', 'customer_success', 'percent', 'rate'
) }}

select * from final
