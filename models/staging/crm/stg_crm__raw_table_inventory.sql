{# Which contract tables were present in this run's raw input. #}
with

raw_table_inventory as (
    select * from {{ source('crm', 'raw_table_inventory') }}
),

final as (
    select
        -- strings
        table_name,
        location,
        -- booleans
        is_required,
        is_present
    from raw_table_inventory
)

select * from final
