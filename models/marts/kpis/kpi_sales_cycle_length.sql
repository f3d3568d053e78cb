{#
    sales_cycle_length (days): average whole days from created_at to
    closed_at of opportunities won with closed_at in [s, e), overall and by
    opportunity_kind. cross_sell_to_new_business_ratio: the cross_sell
    value divided by the new_business value of the same period (null when
    either is missing or zero), on every row of that period.
#}
with

opportunities_closed as (
    select * from {{ ref('int_opportunities_closed_in_periods') }}
),

won_in_periods as (
    select * from opportunities_closed
    where is_won
),

kpi_rows as (
    {{ kpi_breakdown_rows(
        'won_in_periods',
        [['overall', "'all'"], ['opportunity_kind', 'opportunity_kind']],
        'sum(cycle_days)',
        'count(*)',
    ) }}
),

{{ kpi_finalize(
    'kpi_rows', 'sales_cycle_length', 'sales_performance', 'days', 'ratio',
    final_name='kpi_final'
) }},

kind_ratios as (
    select
        grain,
        period_start,
        max(
            case when dimension_value = 'cross_sell' then value end
        ) / nullif(
            max(case when dimension_value = 'new_business' then value end), 0
        ) as cross_sell_to_new_business_ratio
    from kpi_final
    where dimension = 'opportunity_kind'
    group by 1, 2
),

final as (
    select
        kpi_final.*,
        cast(
            kind_ratios.cross_sell_to_new_business_ratio as {{ type_double() }}
        ) as cross_sell_to_new_business_ratio
    from kpi_final
    left join kind_ratios
        on
            kpi_final.grain = kind_ratios.grain
            and kpi_final.period_start = kind_ratios.period_start
)

select * from final
