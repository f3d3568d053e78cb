{#
    Every rejected raw row, with its reason code and the columns that failed:
    the rows a base model rejected (steps 1-4 of the contract) and the
    orphans (step 5), as recorded in int_crm_row_outcomes.
#}
with

row_outcomes as (
    select * from {{ ref('int_crm_row_outcomes') }}
),

final as (
    select
        table_name,
        record_key,
        reason,
        failed_columns,
        loaded_at,
        raw_values
    from row_outcomes
    where status = 'rejected'
)

select * from final
