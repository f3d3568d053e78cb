{#
    arpa (usd): revenue of the period (line revenue ordered in [s, e) of
    accounts active during [s, e)) / accounts active during [s, e).
    product_holding: single when holding(a, e) = 1, multi when >= 2.
#}
with

account_periods as (
    select * from {{ ref('int_account_periods_active') }}
),

holding_classified as (
    select
        account_periods.*,
        case
            when account_periods.holding_at_end >= 2 then 'multi'
            else 'single'
        end as product_holding
    from account_periods
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'holding_classified',
        account_dimensions(['overall', 'segment', 'industry', 'region'])
        + [['product_holding', 'product_holding']],
        'sum(revenue_usd)',
        'count(*)',
    ) }}
),

{{ kpi_finalize('kpi_rows', 'arpa', 'revenue', 'usd', 'ratio') }}

select * from final
