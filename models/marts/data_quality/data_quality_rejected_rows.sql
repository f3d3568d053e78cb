{#
    Every rejected raw row, with its reason code: the table-local rejections
    of the base models (steps 1-4 of the contract) and the orphans (step 5):
    winning rows that staging dropped because a required parent is not
    loaded.
#}
with

{% for table in crm_table_names() %}
base_{{ table }} as (
    select * from {{ ref('base_crm__' ~ table) }}
),

stg_{{ table }} as (
    select * from {{ ref('stg_crm__' ~ table) }}
),

rejected_{{ table }} as (
    select
        '{{ table }}' as table_name,
        base_{{ table }}._record_key as record_key,
        base_{{ table }}._dq_reason as reason,
        base_{{ table }}._loaded_at as loaded_at,
        base_{{ table }}._raw_values as raw_values
    from base_{{ table }}
    where base_{{ table }}._dq_status = 'rejected'
),

orphaned_{{ table }} as (
    select
        '{{ table }}' as table_name,
        base_{{ table }}._record_key as record_key,
        'orphan_reference' as reason,
        base_{{ table }}._loaded_at as loaded_at,
        base_{{ table }}._raw_values as raw_values
    from base_{{ table }}
    left join stg_{{ table }}
        on base_{{ table }}._record_key = stg_{{ table }}._record_key
    where
        base_{{ table }}._dq_status = 'candidate'
        and stg_{{ table }}._record_key is null
),

{% endfor %}
final as (
    {% for table in crm_table_names() %}
    select * from rejected_{{ table }}
    union all
    select * from orphaned_{{ table }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from final
