{#
    Every product each current customer (int_recommendation_customers)
    could be offered, scored and ranked by two methods; the top
    var recommendation_count of each are kept. A candidate is an active
    product (is_active) the customer has not bought before the cutoff.

    sequence (what marts.cross_sell_recommendations serves): the score of
    product B for account a is the best rate_b_after_a over the products A
    that a owns (int_product_sequences: the share of A's buyers who later
    bought B); the A giving it is the anchor (ties: more accounts a_then_b,
    then the lower anchor id). Only products with such evidence are
    candidates. Rank: score, then popularity (product_owners), then
    product_id, all deterministic.

    popularity (the baseline of the backtest): the score is the share of
    accounts with a purchase before the cutoff that bought the product;
    rank: product_owners, then product_id.
#}
with

customers as (
    select * from {{ ref('int_recommendation_customers') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

product_sequences as (
    select * from {{ ref('int_product_sequences') }}
),

products as (
    select * from {{ ref('stg_crm__products') }}
    where is_active
),

cutoff as (
    select distinct cutoff_date from customers
),

history as (
    select
        account_products.account_id,
        account_products.product_id
    from account_products
    cross join cutoff
    where
        account_products.first_purchased_at
        < cast(cutoff.cutoff_date as {{ dbt.type_timestamp() }})
),

popularity as (
    select
        product_id,
        count(*) as product_owners
    from history
    group by 1
),

buyers as (
    select count(distinct account_id) as buyers from history
),

owned as (
    select
        history.account_id,
        history.product_id
    from history
    inner join customers
        on history.account_id = customers.account_id
),

evidence as (
    select
        owned.account_id,
        product_sequences.target_product_id as product_id,
        product_sequences.anchor_product_id,
        product_sequences.owners_a,
        product_sequences.a_then_b,
        product_sequences.rate_b_after_a,
        product_sequences.median_days_a_to_b,
        row_number() over (
            partition by owned.account_id, product_sequences.target_product_id
            order by
                product_sequences.rate_b_after_a desc,
                product_sequences.a_then_b desc,
                product_sequences.anchor_product_id asc
        ) as anchor_rank
    from owned
    inner join product_sequences
        on owned.product_id = product_sequences.anchor_product_id
),

sequence_candidates as (
    select
        evidence.*,
        coalesce(popularity.product_owners, 0) as product_owners
    from evidence
    inner join products
        on evidence.product_id = products.product_id
    left join owned
        on
            evidence.account_id = owned.account_id
            and evidence.product_id = owned.product_id
    left join popularity
        on evidence.product_id = popularity.product_id
    where evidence.anchor_rank = 1 and owned.product_id is null
),

sequence_ranked as (
    select
        account_id,
        product_id,
        'sequence' as method,  -- noqa: RF04
        rate_b_after_a as score,
        anchor_product_id,
        owners_a,
        a_then_b,
        median_days_a_to_b,
        product_owners,
        row_number() over (
            partition by account_id
            order by
                rate_b_after_a desc, product_owners desc, product_id asc
        ) as recommendation_rank
    from sequence_candidates
),

popularity_candidates as (
    select
        customers.account_id,
        popularity.product_id,
        popularity.product_owners,
        1.0 * popularity.product_owners / buyers.buyers as score
    from customers
    cross join popularity
    cross join buyers
    inner join products
        on popularity.product_id = products.product_id
    left join owned
        on
            customers.account_id = owned.account_id
            and popularity.product_id = owned.product_id
    where owned.product_id is null
),

popularity_ranked as (
    select
        account_id,
        product_id,
        'popularity' as method,  -- noqa: RF04
        score,
        cast(null as {{ dbt.type_string() }}) as anchor_product_id,
        cast(null as {{ dbt.type_bigint() }}) as owners_a,
        cast(null as {{ dbt.type_bigint() }}) as a_then_b,
        cast(null as {{ type_double() }}) as median_days_a_to_b,
        product_owners,
        row_number() over (
            partition by account_id
            order by product_owners desc, product_id asc
        ) as recommendation_rank
    from popularity_candidates
),

ranked as (
    select * from sequence_ranked
    union all
    select * from popularity_ranked
),

final as (
    select
        -- ids
        ranked.account_id,
        customers.owner_rep_id,
        ranked.product_id,
        ranked.anchor_product_id,
        -- strings
        ranked.method,
        -- numerics
        cast(ranked.recommendation_rank as {{ dbt.type_int() }})
            as recommendation_rank,
        cast(ranked.score as {{ type_double() }}) as score,
        cast(ranked.owners_a as {{ dbt.type_bigint() }}) as owners_a,
        cast(ranked.a_then_b as {{ dbt.type_bigint() }}) as a_then_b,
        cast(ranked.median_days_a_to_b as {{ type_double() }})
            as median_days_a_to_b,
        cast(ranked.product_owners as {{ dbt.type_bigint() }})
            as product_owners,
        -- dates
        customers.cutoff_date
    from ranked
    inner join customers
        on ranked.account_id = customers.account_id
    where ranked.recommendation_rank <= {{ var('recommendation_count') }}
)

select * from final
