{#
    product_penetration_rate (percent): accounts active at e holding two or
    more products at e / accounts active at e.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

active_at_end as (
    select * from account_periods
    where is_active_at_end
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'active_at_end',
        account_dimensions([
            'overall', 'segment', 'industry', 'region', 'customer_type',
        ]),
        'sum(case when holding_at_end >= 2 then 1 else 0 end)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'product_penetration_rate', 'revenue', 'percent', 'rate'
) }}

select * from final
