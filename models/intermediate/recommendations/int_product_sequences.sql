{#
    Purchase sequences before the cutoff (recommendation_cutoff_date), the
    statistics the recommendations are scored from. For each ordered pair
    of distinct products (A, B), over every account (churned ones too)
    and only first purchases dated before the cutoff:
      owners_a     accounts that bought A
      a_then_b     of those, accounts whose first purchase of B is strictly
                   later than their first purchase of A
      rate_b_after_a = a_then_b / owners_a (0-1): P(B later | owns A)
      median_days_a_to_b: the median days from A to B among a_then_b
    and product_owners (accounts that bought B: its popularity). A pair is
    kept only when a_then_b reaches var affinity_min_accounts, as in
    product_affinity (which is the same count over all rows).
#}
with

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

calendar_periods as (
    select * from {{ ref('int_calendar_periods') }}
    where grain = 'all_time'
),

cutoff as (
    select {{ recommendation_cutoff_date() }} as cutoff_date
    from calendar_periods
),

history as (
    select account_products.*
    from account_products
    cross join cutoff
    where
        account_products.first_purchased_at
        < cast(cutoff.cutoff_date as {{ dbt.type_timestamp() }})
),

owners as (
    select
        product_id,
        count(*) as product_owners
    from history
    group by 1
),

sequences as (
    select
        anchor_products.product_id as anchor_product_id,
        target_products.product_id as target_product_id,
        count(*) as a_then_b,
        {{ median_of(days_between(
            'anchor_products.first_purchased_at',
            'target_products.first_purchased_at'
        )) }} as median_days_a_to_b
    from history as anchor_products
    inner join history as target_products
        on
            anchor_products.account_id = target_products.account_id
            and anchor_products.first_purchased_at
            < target_products.first_purchased_at
    group by 1, 2
    having count(*) >= {{ var('affinity_min_accounts') }}
),

final as (
    select
        -- ids
        sequences.anchor_product_id,
        sequences.target_product_id,
        -- numerics
        cast(anchor_owners.product_owners as {{ dbt.type_bigint() }})
            as owners_a,
        cast(sequences.a_then_b as {{ dbt.type_bigint() }}) as a_then_b,
        cast(
            1.0 * sequences.a_then_b / anchor_owners.product_owners
            as {{ type_double() }}
        ) as rate_b_after_a,
        cast(sequences.median_days_a_to_b as {{ type_double() }})
            as median_days_a_to_b,
        cast(target_owners.product_owners as {{ dbt.type_bigint() }})
            as target_owners
    from sequences
    inner join owners as anchor_owners
        on sequences.anchor_product_id = anchor_owners.product_id
    inner join owners as target_owners
        on sequences.target_product_id = target_owners.product_id
)

select * from final
