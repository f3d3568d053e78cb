{#
    sales_cycle_length (days): the average whole calendar days from
    creation to close of the opportunities won in the period (closed_at in
    it), of every kind.
    Breakdowns: overall, opportunity_kind. kpi_sales_cycle_length adds the
    cross_sell / new_business ratio of the finished values.
#}
with

opportunities_closed as (
    select * from {{ ref('int_opportunities_closed_in_periods') }}
),

won as (
    select * from opportunities_closed
    where is_won
),

breakdowns as (
    select
        grain,
        period_start,
        cycle_days,
        'overall' as dimension,
        'all' as dimension_value
    from won
    union all
    select
        grain,
        period_start,
        cycle_days,
        'opportunity_kind' as dimension,
        coalesce(
            cast(opportunity_kind as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from won
),

final as (
    select
        grain,
        period_start,
        dimension,
        dimension_value,
        sum(cycle_days) as numerator,
        count(*) as denominator
    from breakdowns
    group by 1, 2, 3, 4
)

select * from final
