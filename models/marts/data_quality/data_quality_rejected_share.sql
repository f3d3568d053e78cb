{#
    One row per raw table present: the share of its raw rows rejected, how
    that share compares with the vars rejected_share_warn and
    rejected_share_error, and the failure behind most of the rejections:
    reason, column(s), the most common offending values and, for orphans,
    how many point at a parent that was itself rejected.
    data_quality_alerts turns it into one line per table and fails the run
    above the error share.
#}
{%- set contract = crm_contract() %}
{#- the contract types a text value can fail to be read as #}
{%- set parsed_types = ['integer', 'decimal', 'boolean', 'date', 'timestamp'] %}
{%- set max_columns = [] %}
{%- for table in crm_table_names() %}
{%- do max_columns.append(contract[table].columns | length) %}
{%- endfor %}
with

rejected_rows as (
    select * from {{ ref('data_quality_rejected_rows') }}
),

reconciliation as (
    select * from {{ ref('data_quality_reconciliation') }}
),

{# the contract's columns as rows: position in _raw_values, type, parent #}
contract_columns as (
    {%- for table in crm_table_names() %}
    {%- set table_loop = loop %}
    {%- for column in contract[table].columns %}
    select
        cast('{{ table }}' as {{ dbt.type_string() }}) as table_name,
        cast('{{ column.name }}' as {{ dbt.type_string() }}) as column_name,
        {{ loop.index }} as column_position,
        cast('{{ column.type }}' as {{ dbt.type_string() }}) as column_type,
        cast(
            {{ "'" ~ column.references ~ "'" if column.references else 'null' }}
            as {{ dbt.type_string() }}
        ) as parent_table
    {%- if not (table_loop.last and loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
),

{# keys of rejected rows, to tell an orphan whose parent was rejected #}
rejected_keys as (
    select distinct
        table_name,
        record_key
    from rejected_rows
    where record_key is not null
),

{#
    One row per rejected row and failed column; a row naming no column
    (conflicting_duplicate) keeps one row with a null column.
#}
failures as (
    select
        rejected_rows.table_name,
        rejected_rows.reason,
        rejected_rows.failed_columns,
        contract_columns.column_name,
        contract_columns.column_position,
        contract_columns.column_type,
        contract_columns.parent_table,
        nullif(
            case contract_columns.column_position
                {%- for position in range(1, max_columns | max + 1) %}
                when {{ position }} then {{ dbt.split_part(
                    'rejected_rows.raw_values', "'|'", position
                ) }}
                {%- endfor %}
            end,
            '\N'
        ) as value_text
    from rejected_rows
    left join contract_columns
        on
            rejected_rows.table_name = contract_columns.table_name
            and {{ dbt.position(
                dbt.concat(["','", 'contract_columns.column_name', "','"]),
                dbt.concat(["','", 'rejected_rows.failed_columns', "','"])
            ) }} > 0
),

failures_judged as (
    select
        failures.*,
        case
            when failures.value_text is null then 0
            {%- for type in parsed_types %}
            when
                failures.column_type = '{{ type }}'
                and {{ crm_parse_value('failures.value_text', type) }} is null
                then 1
            {%- endfor %}
            else 0
        end as is_unreadable,
        case
            when
                failures.reason = 'orphan_reference'
                and rejected_keys.record_key is not null
                then 1
            else 0
        end as is_parent_rejected
    from failures
    left join rejected_keys
        on
            failures.parent_table = rejected_keys.table_name
            and failures.value_text = rejected_keys.record_key
),

failure_groups as (
    select
        table_name,
        reason,
        column_name,
        column_position,
        parent_table,
        count(*) as failed_rows,
        sum(is_unreadable) as unreadable_rows,
        sum(is_parent_rejected) as parent_rejected_rows
    from failures_judged
    group by 1, 2, 3, 4, 5
),

{# most rows first; ties: reason code, then contract column order #}
failure_groups_ranked as (
    select
        failure_groups.*,
        row_number() over (
            partition by failure_groups.table_name
            order by
                failure_groups.failed_rows desc,
                failure_groups.reason asc,
                failure_groups.column_position asc
        ) as group_rank
    from failure_groups
),

main_failures as (
    select * from failure_groups_ranked
    where group_rank = 1
),

{#
    The main failure's columns: the main column, or every column that
    failed together in each of its rows (all with the same failed_columns)
#}
main_columns as (
    select
        failures_judged.table_name,
        case
            when count(distinct failures_judged.failed_columns) = 1
                then max(failures_judged.failed_columns)
            else max(failures_judged.column_name)
        end as main_columns
    from failures_judged
    inner join main_failures
        on
            failures_judged.table_name = main_failures.table_name
            and failures_judged.reason = main_failures.reason
            and failures_judged.column_name = main_failures.column_name
    group by 1
),

{# the main column's most common values, for the message #}
example_counts as (
    select
        failures_judged.table_name,
        failures_judged.value_text,
        count(*) as value_rows
    from failures_judged
    inner join main_failures
        on
            failures_judged.table_name = main_failures.table_name
            and failures_judged.reason = main_failures.reason
            and failures_judged.column_name = main_failures.column_name
    where failures_judged.value_text is not null
    group by 1, 2
),

examples_ranked as (
    select
        example_counts.*,
        row_number() over (
            partition by example_counts.table_name
            order by
                example_counts.value_rows desc,
                example_counts.value_text asc
        ) as example_rank
    from example_counts
),

examples_pivoted as (
    select
        table_name,
        max(case when example_rank = 1 then value_text end) as example_1,
        max(case when example_rank = 2 then value_text end) as example_2,
        max(case when example_rank = 3 then value_text end) as example_3
    from examples_ranked
    group by 1
),

shares as (
    select
        table_name,
        raw_rows,
        rejected,
        case
            when raw_rows > 0
                then cast(rejected as {{ type_double() }}) / raw_rows
        end as rejected_share
    from reconciliation
),

final as (
    select
        shares.table_name,
        shares.raw_rows,
        shares.rejected,
        shares.rejected_share,
        case
            when shares.rejected_share > {{ var('rejected_share_error') }}
                then 'error'
            when shares.rejected_share > {{ var('rejected_share_warn') }}
                then 'warn'
            else 'ok'
        end as alert_level,
        main_failures.reason as main_reason,
        main_columns.main_columns,
        cast(main_failures.failed_rows as {{ dbt.type_bigint() }})
            as main_rejected,
        cast(main_failures.unreadable_rows as {{ dbt.type_bigint() }})
            as main_unreadable,
        main_failures.parent_table as main_parent_table,
        cast(
            main_failures.parent_rejected_rows as {{ dbt.type_bigint() }}
        ) as main_parent_rejected,
        examples_pivoted.example_1,
        examples_pivoted.example_2,
        examples_pivoted.example_3
    from shares
    left join main_failures
        on shares.table_name = main_failures.table_name
    left join main_columns
        on shares.table_name = main_columns.table_name
    left join examples_pivoted
        on shares.table_name = examples_pivoted.table_name
)

select * from final
