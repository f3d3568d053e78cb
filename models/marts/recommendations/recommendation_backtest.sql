{#
    How good were the recommendations? Built with the var
    recommendation_cutoff (`python3 tasks.py backtest --cutoff DATE`), the
    recommendations see only rows dated before the cutoff; this model
    checks them against the products the same customers first bought in
    the var backtest_horizon_days days from the cutoff, for the sequence
    method and the popularity baseline, at k = 1 and k =
    recommendation_count. Per (method, k):
      customers          current customers at the cutoff
      customers_recommended  of those, with at least one recommendation
      coverage           customers_recommended / customers
      cross_purchasers   current customers who first bought a product they
                         did not own in the horizon
      hits               cross_purchasers of whom a top-k product is one
                         of those new products
      hit_rate           hits / cross_purchasers
      cross_purchasers_covered  share of cross_purchasers with at least
                         one recommendation
    Without the var the cutoff is the day after as_of_date and the
    horizon holds no purchases: cross_purchasers is 0, hit_rate null.
#}
with

customers as (
    select * from {{ ref('int_recommendation_customers') }}
),

candidates as (
    select * from {{ ref('int_recommendation_candidates') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

methods as (
    select 'sequence' as method  -- noqa: RF04
    union all
    select 'popularity' as method  -- noqa: RF04
),

cutoffs as (
    select k
    from (
        select 1 as k
        union all
        select {{ var('recommendation_count') }} as k
    ) as ks
    group by 1
),

new_purchases as (
    select distinct
        customers.account_id,
        account_products.product_id
    from account_products
    inner join customers
        on account_products.account_id = customers.account_id
    where
        account_products.first_purchased_at
        >= cast(customers.cutoff_date as {{ dbt.type_timestamp() }})
        and account_products.first_purchased_at
        < cast(
            {{ dbt.dateadd(
                'day', var('backtest_horizon_days'), 'customers.cutoff_date'
            ) }} as {{ dbt.type_timestamp() }}
        )
),

cutoff as (
    select distinct cutoff_date from customers
),

cross_purchasers as (
    select distinct account_id from new_purchases
),

recommended as (
    select distinct
        method,
        account_id
    from candidates
),

hits as (
    select distinct
        candidates.method,
        cutoffs.k,
        candidates.account_id
    from candidates
    inner join cutoffs
        on candidates.recommendation_rank <= cutoffs.k
    inner join new_purchases
        on
            candidates.account_id = new_purchases.account_id
            and candidates.product_id = new_purchases.product_id
),

customer_grid as (
    select
        methods.method,
        cutoffs.k,
        customers.account_id,
        recommended.account_id is not null as is_recommended,
        cross_purchasers.account_id is not null as is_cross_purchaser,
        hits.account_id is not null as is_hit
    from customers
    cross join methods
    cross join cutoffs
    left join recommended
        on
            methods.method = recommended.method
            and customers.account_id = recommended.account_id
    left join cross_purchasers
        on customers.account_id = cross_purchasers.account_id
    left join hits
        on
            methods.method = hits.method
            and cutoffs.k = hits.k
            and customers.account_id = hits.account_id
),

counted as (
    select
        method,
        k,
        count(*) as customers,
        sum(case when is_recommended then 1 else 0 end)
            as customers_recommended,
        sum(case when is_cross_purchaser then 1 else 0 end)
            as cross_purchasers,
        sum(
            case when is_cross_purchaser and is_recommended then 1 else 0 end
        ) as cross_purchasers_recommended,
        sum(case when is_hit then 1 else 0 end) as hits
    from customer_grid
    group by 1, 2
),

final as (
    select
        -- strings
        counted.method,
        -- numerics
        cast(counted.k as {{ dbt.type_int() }}) as k,
        cast(counted.customers as {{ dbt.type_bigint() }}) as customers,
        cast(counted.customers_recommended as {{ dbt.type_bigint() }})
            as customers_recommended,
        cast(counted.cross_purchasers as {{ dbt.type_bigint() }})
            as cross_purchasers,
        cast(counted.hits as {{ dbt.type_bigint() }}) as hits,
        cast(
            case
                when counted.cross_purchasers > 0
                    then 100.0 * counted.hits / counted.cross_purchasers
            end as {{ type_double() }}
        ) as hit_rate,
        cast(
            case
                when counted.customers > 0
                    then
                        100.0 * counted.customers_recommended
                        / counted.customers
            end as {{ type_double() }}
        ) as coverage,
        cast(
            case
                when counted.cross_purchasers > 0
                    then
                        100.0 * counted.cross_purchasers_recommended
                        / counted.cross_purchasers
            end as {{ type_double() }}
        ) as cross_purchasers_covered,
        cast({{ var('backtest_horizon_days') }} as {{ dbt.type_int() }})
            as horizon_days,
        -- dates
        cutoff.cutoff_date
    from counted
    cross join cutoff
)

select * from final
