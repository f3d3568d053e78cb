{#
    Every rejected raw row, with its reason code and the columns that failed:
    the table-local rejections of the base models (steps 1-4 of the
    contract, columns from _dq_failed_columns) and the orphans (step 5):
    winning rows that staging dropped because a required parent is not
    loaded, naming the reference columns whose parent is missing.
#}
{%- set contract = crm_contract() %}
with

{% for table in crm_table_names() %}
base_{{ table }} as (
    select * from {{ ref('base_crm__' ~ table) }}
),

stg_{{ table }} as (
    select * from {{ ref('stg_crm__' ~ table) }}
),

{% endfor %}
{%- for table in crm_table_names() %}
{%- set required_references = [] %}
{%- for column in contract[table].columns
    if column.references and not column.nullable %}
{%- do required_references.append(column) %}
{%- endfor %}
{%- set missing_parents = [] %}
{%- for column in required_references %}
{%- do missing_parents.append((
    column.name,
    'stg_' ~ column.references ~ '.'
    ~ contract[column.references].primary_key[0] ~ ' is null'
)) %}
{%- endfor %}
rejected_{{ table }} as (
    select
        '{{ table }}' as table_name,
        base_{{ table }}._record_key as record_key,
        base_{{ table }}._dq_reason as reason,
        base_{{ table }}._dq_failed_columns as failed_columns,
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
        {{ crm_failed_columns(missing_parents) }} as failed_columns,
        base_{{ table }}._loaded_at as loaded_at,
        base_{{ table }}._raw_values as raw_values
    from base_{{ table }}
    left join stg_{{ table }}
        on base_{{ table }}._record_key = stg_{{ table }}._record_key
    {%- for column in required_references %}
    {%- set parent_key = contract[column.references].primary_key[0] %}
    left join stg_{{ column.references }}
        on
            base_{{ table }}.{{ column.name }}
            = stg_{{ column.references }}.{{ parent_key }}
    {%- endfor %}
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
