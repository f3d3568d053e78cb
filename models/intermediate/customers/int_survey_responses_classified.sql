{#
    Loaded survey responses with the responding account's segment and its
    product holding at the time of the response: none, single (one product
    bought before responded_at) or multi (two or more).
#}
with

survey_responses as (
    select * from {{ ref('int_survey_responses_resolved') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

holdings as (
    select
        survey_responses.response_id,
        sum(
            case
                when
                    account_products.first_purchased_at
                    < survey_responses.responded_at
                    then 1
                else 0
            end
        ) as count_products_held_at_response
    from survey_responses
    left join account_products
        on survey_responses.account_id = account_products.account_id
    group by 1
),

final as (
    select
        -- ids
        survey_responses.response_id,
        survey_responses.account_id,
        -- strings
        survey_responses.survey_type,
        accounts_first_purchased.segment,
        case
            when
                holdings.count_products_held_at_response
                >= {{ var('multi_product_min_products') }}
                then 'multi'
            when holdings.count_products_held_at_response >= 1 then 'single'
            else 'none'
        end as product_holding,
        -- numerics
        survey_responses.score,
        -- timestamps
        survey_responses.responded_at
    from survey_responses
    inner join accounts_first_purchased
        on survey_responses.account_id = accounts_first_purchased.account_id
    inner join holdings
        on survey_responses.response_id = holdings.response_id
)

select * from final
