{#
    Which products are bought after which (grain all_time). For each
    ordered pair of distinct products (A, B): owners_a = accounts that
    bought A; a_then_b = those whose first purchase of B is strictly later
    than their first purchase of A; affinity_rate = 100 * a_then_b /
    owners_a. A pair is kept only when at least var affinity_min_accounts
    accounts bought in that order (a pair nobody bought so never appears):
    a handful of accounts is no pattern, and with many products the rare
    pairs would fill the table.
#}
with

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

owners as (
    select
        product_id,
        count(*) as owners_a
    from account_products
    group by 1
),

sequences as (
    select
        anchor_products.product_id as anchor_product_id,
        target_products.product_id as target_product_id,
        count(*) as a_then_b
    from account_products as anchor_products
    inner join account_products as target_products
        on
            anchor_products.account_id = target_products.account_id
            and anchor_products.first_purchased_at
            < target_products.first_purchased_at
    group by 1, 2
    having count(*) >= {{ var('affinity_min_accounts') }}
),

final as (
    select
        sequences.anchor_product_id,
        sequences.target_product_id,
        cast(owners.owners_a as {{ dbt.type_bigint() }}) as owners_a,
        cast(sequences.a_then_b as {{ dbt.type_bigint() }}) as a_then_b,
        cast(
            100.0 * sequences.a_then_b / owners.owners_a as {{ type_double() }}
        ) as affinity_rate
    from sequences
    inner join owners
        on sequences.anchor_product_id = owners.product_id
)

select * from final
