{#
    The customers recommendations are made for: accounts whose first
    purchase is before the cutoff (recommendation_cutoff_date: the var
    recommendation_cutoff, else the day after as_of_date) and that had not
    churned by then (churned_at null or on/after the cutoff). One row per
    account with its owner rep (an id, no name) and the cutoff.
#}
with

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain = 'all_time'
),

cutoff as (
    select {{ recommendation_cutoff_date() }} as cutoff_date
    from calendar_periods
),

final as (
    select
        -- ids
        accounts_first_purchased.account_id,
        accounts_first_purchased.owner_rep_id,
        -- dates
        cutoff.cutoff_date
    from accounts_first_purchased
    cross join cutoff
    where
        accounts_first_purchased.is_customer
        and accounts_first_purchased.first_purchase_at
        < cast(cutoff.cutoff_date as {{ dbt.type_timestamp() }})
        and (
            accounts_first_purchased.churned_at is null
            or accounts_first_purchased.churned_at
            >= cast(cutoff.cutoff_date as {{ dbt.type_timestamp() }})
        )
)

select * from final
