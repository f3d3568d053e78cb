{#
    Whom to call with what: for each current customer (bought before the
    cutoff, not churned), up to var recommendation_count active products it
    does not own, best first. Plain sequence statistics, no model:

      score(a, B) = max over the products A that account a owns of
                    P(B later | A) = a_then_b / owners_a

    where owners_a counts the accounts that bought A and a_then_b those of
    them that first bought B strictly later (int_product_sequences; a pair
    needs var affinity_min_accounts such accounts, as in product_affinity).
    The A giving the maximum is the anchor, named in the reason. Ties go
    to the more popular product (more buyers), then the lower product_id.
    A customer whose products have no such evidence gets no row.
    Only ids: account, product, owner rep; no names. The cutoff is the day
    after as_of_date (or the var recommendation_cutoff): every row dated
    before it, none after. docs/recommendations.md has the method and its
    backtest.
#}
with

candidates as (
    select * from {{ ref('int_recommendation_candidates') }}
    where method = 'sequence'
),

described as (
    select
        candidates.*,
        cast(
            cast(round(100 * candidates.score) as {{ dbt.type_bigint() }})
            as {{ dbt.type_string() }}
        ) as percent_text,
        cast(
            cast(
                round(candidates.median_days_a_to_b) as {{ dbt.type_bigint() }}
            ) as {{ dbt.type_string() }}
        ) as days_text,
        cast(candidates.owners_a as {{ dbt.type_string() }}) as owners_text
    from candidates
),

final as (
    select
        -- ids
        account_id,
        owner_rep_id,
        product_id,
        anchor_product_id,
        -- numerics
        recommendation_rank,
        cast(100 * score as {{ type_double() }}) as score,
        owners_a as anchor_owners,
        a_then_b as anchor_then_product,
        median_days_a_to_b as median_days_after_anchor,
        product_owners,
        -- strings
        {{ dbt.concat([
            'percent_text', "' % of the '", 'owners_text',
            "' customers who bought '", 'anchor_product_id',
            "' bought '", 'product_id', "' later, a median '",
            'days_text', "' days after'"
        ]) }} as reason,
        -- dates
        cast({{ dbt.dateadd('day', -1, 'cutoff_date') }} as date)
            as as_of_date
    from described
)

select * from final
