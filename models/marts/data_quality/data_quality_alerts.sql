{#
    One row per raw table whose rejected share is above the var
    rejected_share_warn, with the line printed about it.

    In `dbt run` and `dbt build`, compiling this model reads
    data_quality_rejected_share (built just before), prints each line as a
    warning and, when a table is above rejected_share_error, fails the run
    with the first such line as the error message. The check runs here, in
    the model itself, so the message is that one line; the share mart stays
    queryable.
#}
{%- set alerts = rejected_share_alerts(ref('data_quality_rejected_share'))
    if flags.WHICH in ('run', 'build', 'retry') else [] %}
{%- set errors = alerts | selectattr('alert_level', 'equalto', 'error') | list %}
{%- for alert in alerts
    if not (errors and alert.message == errors[0].message) %}
{%- do exceptions.warn(alert.message) %}
{%- endfor %}
{%- if errors %}
{%- do exceptions.raise_compiler_error(errors[0].message) %}
{%- endif %}
with

rejected_share as (
    select * from {{ ref('data_quality_rejected_share') }}
),

final as (
    select
        rejected_share.table_name,
        rejected_share.alert_level,
        {%- if alerts %}
        case rejected_share.table_name
            {%- for alert in alerts %}
            when '{{ alert.table_name }}' then {{ loop.index }}
            {%- endfor %}
        end as alert_rank,
        case rejected_share.table_name
            {%- for alert in alerts %}
            when '{{ alert.table_name }}'
                then '{{ dbt.escape_single_quotes(alert.message) }}'
            {%- endfor %}
        end as message
        {%- else %}
        cast(null as {{ dbt.type_int() }}) as alert_rank,
        cast(null as {{ dbt.type_string() }}) as message
        {%- endif %}
    from rejected_share
    where rejected_share.alert_level in ('warn', 'error')
)

select * from final
