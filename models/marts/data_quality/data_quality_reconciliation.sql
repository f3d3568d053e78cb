{#
    One row per raw table present: where every raw row went. Counts come
    from independent places (raw rows and statuses from the base model,
    loaded rows from staging, rejected rows from data_quality_rejected_rows)
    so the test raw_rows = loaded + superseded + deleted + rejected catches
    a row that vanished or was counted twice.
#}
with

inventory as (
    select * from {{ ref('stg_crm__raw_table_inventory') }}
),

rejected_rows as (
    select * from {{ ref('data_quality_rejected_rows') }}
),

{% for table in crm_table_names() %}
base_{{ table }} as (
    select * from {{ ref('base_crm__' ~ table) }}
),

stg_{{ table }} as (
    select * from {{ ref('stg_crm__' ~ table) }}
),

counted_{{ table }} as (
    select
        '{{ table }}' as table_name,
        count(*) as raw_rows,
        sum(
            case when _dq_status = 'superseded' then 1 else 0 end
        ) as superseded,
        sum(case when _dq_status = 'deleted' then 1 else 0 end) as deleted
    from base_{{ table }}
),

loaded_{{ table }} as (
    select
        '{{ table }}' as table_name,
        count(*) as loaded,
        {% if crm_has_optional_references(table) -%}
        coalesce(sum(_dangling_reference_count), 0)
        {%- else -%}
        0
        {%- endif %} as dangling_optional_references
    from stg_{{ table }}
),

{% endfor %}
counted as (
    {% for table in crm_table_names() %}
    select * from counted_{{ table }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

loaded as (
    {% for table in crm_table_names() %}
    select * from loaded_{{ table }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

rejected as (
    select
        table_name,
        count(*) as rejected
    from rejected_rows
    group by 1
),

final as (
    select
        inventory.table_name,
        cast(counted.raw_rows as {{ dbt.type_bigint() }}) as raw_rows,
        cast(loaded.loaded as {{ dbt.type_bigint() }}) as loaded,
        cast(
            coalesce(counted.superseded, 0) as {{ dbt.type_bigint() }}
        ) as superseded,
        cast(
            coalesce(counted.deleted, 0) as {{ dbt.type_bigint() }}
        ) as deleted,
        cast(
            coalesce(rejected.rejected, 0) as {{ dbt.type_bigint() }}
        ) as rejected,
        cast(
            loaded.dangling_optional_references as {{ dbt.type_bigint() }}
        ) as dangling_optional_references
    from inventory
    inner join counted
        on inventory.table_name = counted.table_name
    inner join loaded
        on inventory.table_name = loaded.table_name
    left join rejected
        on inventory.table_name = rejected.table_name
    where inventory.is_present
)

select * from final
