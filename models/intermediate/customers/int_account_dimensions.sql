{#
    The breakdowns every account-level KPI can use, one row per (account,
    dimension): `overall` (value `all`), segment, industry, region,
    customer_type, age_band and sales_rep (the account's owner). A KPI
    joins its account rows to the dimensions it breaks down by and groups
    by dimension and dimension_value. A missing value is `unknown`.
#}
with

accounts as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

dimensions as (
    select
        account_id,
        'overall' as dimension,
        'all' as dimension_value
    from accounts
    union all
    select
        account_id,
        'segment' as dimension,
        segment as dimension_value
    from accounts
    union all
    select
        account_id,
        'industry' as dimension,
        industry as dimension_value
    from accounts
    union all
    select
        account_id,
        'region' as dimension,
        region as dimension_value
    from accounts
    union all
    select
        account_id,
        'customer_type' as dimension,
        customer_type as dimension_value
    from accounts
    union all
    select
        account_id,
        'age_band' as dimension,
        age_band as dimension_value
    from accounts
    union all
    select
        account_id,
        'sales_rep' as dimension,
        owner_rep_id as dimension_value
    from accounts
),

final as (
    select
        -- ids
        account_id,
        -- strings
        cast(dimension as {{ dbt.type_string() }}) as dimension,
        coalesce(
            cast(dimension_value as {{ dbt.type_string() }}), 'unknown'
        ) as dimension_value
    from dimensions
)

select * from final
