{#
    One row per raw table present: the share of its raw rows rejected, how
    that share compares with the vars rejected_share_warn and
    rejected_share_error, and the failure behind most of the rejections:
    reason, column(s), the most common offending values and, for orphans,
    how many point at a parent that was itself rejected.
    data_quality_alerts turns it into one line per table and fails the run
    above the error share. The rejected rows are those of
    int_crm_row_outcomes; the tables present and their counts come from
    data_quality_reconciliation.
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
    select * from {{ ref('int_crm_row_outcomes') }}
    where status = 'rejected'
),

reconciliation as (
    select * from {{ ref('data_quality_reconciliation') }}
),

{# an id per rejected row, to count rows once after they are split #}
rejected_rows_numbered as (
    select
        rejected_rows.*,
        row_number() over (
            order by
                rejected_rows.table_name,
                rejected_rows.record_key,
                rejected_rows.raw_values
        ) as row_id
    from rejected_rows
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

{# the raw tables present in this run #}
present_tables as (
    select table_name from reconciliation
),

{#
    One row per rejected row and failed column; a row naming no column
    (conflicting_duplicate) keeps one row with a null column.
#}
failures as (
    select
        rejected_rows_numbered.row_id,
        rejected_rows_numbered.table_name,
        rejected_rows_numbered.reason,
        rejected_rows_numbered.failed_columns,
        contract_columns.column_name,
        contract_columns.column_position,
        contract_columns.column_type,
        contract_columns.parent_table,
        nullif(
            case contract_columns.column_position
                {%- for position in range(1, max_columns | max + 1) %}
                when {{ position }} then {{ dbt.split_part(
                    'rejected_rows_numbered.raw_values', "'|'", position
                ) }}
                {%- endfor %}
            end,
            '\N'
        ) as value_text
    from rejected_rows_numbered
    left join contract_columns
        on
            rejected_rows_numbered.table_name = contract_columns.table_name
            and {{ dbt.position(
                dbt.concat(["','", 'contract_columns.column_name', "','"]),
                dbt.concat([
                    "','", 'rejected_rows_numbered.failed_columns', "','"
                ])
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
        end as is_parent_rejected,
        case
            when
                failures.reason = 'orphan_reference'
                and failures.parent_table is not null
                and present_tables.table_name is null
                then 1
            else 0
        end as is_parent_absent
    from failures
    left join rejected_keys
        on
            failures.parent_table = rejected_keys.table_name
            and failures.value_text = rejected_keys.record_key
    left join present_tables
        on failures.parent_table = present_tables.table_name
),

{#
    Orphans of an absent optional table are not counted: the table is
    absent, not broken (kpi_availability reports it)
#}
rows_of_absent_parents as (
    select distinct
        table_name,
        row_id
    from failures_judged
    where is_parent_absent = 1
),

failures_counted as (
    select failures_judged.*
    from failures_judged
    left join rows_of_absent_parents
        on failures_judged.row_id = rows_of_absent_parents.row_id
    where rows_of_absent_parents.row_id is null
),

absent_parent_counts as (
    select
        table_name,
        count(*) as rejected_parent_absent
    from rows_of_absent_parents
    group by 1
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
    from failures_counted
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
        failures_counted.table_name,
        case
            when count(distinct failures_counted.failed_columns) = 1
                then max(failures_counted.failed_columns)
            else max(failures_counted.column_name)
        end as main_columns
    from failures_counted
    inner join main_failures
        on
            failures_counted.table_name = main_failures.table_name
            and failures_counted.reason = main_failures.reason
            and failures_counted.column_name = main_failures.column_name
    group by 1
),

{# the main column's most common values, for the message #}
example_counts as (
    select
        failures_counted.table_name,
        failures_counted.value_text,
        count(*) as value_rows
    from failures_counted
    inner join main_failures
        on
            failures_counted.table_name = main_failures.table_name
            and failures_counted.reason = main_failures.reason
            and failures_counted.column_name = main_failures.column_name
    where failures_counted.value_text is not null
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
        reconciliation.table_name,
        reconciliation.raw_rows,
        reconciliation.rejected,
        coalesce(absent_parent_counts.rejected_parent_absent, 0)
            as rejected_parent_absent
    from reconciliation
    left join absent_parent_counts
        on reconciliation.table_name = absent_parent_counts.table_name
),

shares_computed as (
    select
        shares.*,
        case
            when shares.raw_rows > 0
                then cast(
                    shares.rejected - shares.rejected_parent_absent
                    as {{ type_double() }}
                ) / shares.raw_rows
        end as rejected_share
    from shares
),

final as (
    select
        shares_computed.table_name,
        shares_computed.raw_rows,
        shares_computed.rejected,
        cast(
            shares_computed.rejected_parent_absent as {{ dbt.type_bigint() }}
        ) as rejected_parent_absent,
        shares_computed.rejected_share,
        case
            when
                shares_computed.rejected_share
                > {{ var('rejected_share_error') }}
                then 'error'
            when
                shares_computed.rejected_share
                > {{ var('rejected_share_warn') }}
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
    from shares_computed
    left join main_failures
        on shares_computed.table_name = main_failures.table_name
    left join main_columns
        on shares_computed.table_name = main_columns.table_name
    left join examples_pivoted
        on shares_computed.table_name = examples_pivoted.table_name
)

select * from final
