{# Two bands of the same KPI must not share any value. #}
with

performance_bands as (
    select * from {{ ref('performance_bands') }}
),

overlapping as (
    select
        lower_bands.kpi_id,
        lower_bands.band as lower_band,
        upper_bands.band as upper_band
    from performance_bands as lower_bands
    inner join performance_bands as upper_bands
        on
            lower_bands.kpi_id = upper_bands.kpi_id
            and lower_bands.band != upper_bands.band
            and lower_bands.lower_bound <= upper_bands.lower_bound
            and (
                lower_bands.upper_bound is null
                or lower_bands.upper_bound > upper_bands.lower_bound
            )
)

select * from overlapping
