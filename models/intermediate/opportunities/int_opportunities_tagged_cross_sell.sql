{#
    Loaded opportunities with the derived kind, decided at created_at (c):
      1. the account is not active at c (no purchase before c, or churned
         before c)                                     -> new_business
      2. declared_type = 'renewal'                     -> renewal
      3. product known: not owned at c -> cross_sell; owned -> upsell
      4. no product: declared_type = 'cross_sell' -> cross_sell, else upsell
    The CRM's declared_type is kept beside it.
#}
with

opportunities as (
    select * from {{ ref('int_opportunities_resolved') }}
),

accounts_first_purchased as (
    select * from {{ ref('int_accounts_first_purchased') }}
),

account_products as (
    select * from {{ ref('int_account_products_first_purchased') }}
),

ownership_at_creation as (
    select
        opportunities.opportunity_id,
        coalesce(
            accounts_first_purchased.first_purchase_at
            < opportunities.created_at
            and (
                accounts_first_purchased.churned_at is null
                or accounts_first_purchased.churned_at
                >= opportunities.created_at
            ),
            false
        ) as is_account_active_at_creation,
        coalesce(
            account_products.first_purchased_at < opportunities.created_at,
            false
        ) as is_product_owned_at_creation
    from opportunities
    inner join accounts_first_purchased
        on opportunities.account_id = accounts_first_purchased.account_id
    left join account_products
        on
            opportunities.account_id = account_products.account_id
            and opportunities.product_id = account_products.product_id
),

tagged as (
    select
        opportunities.*,
        ownership_at_creation.is_account_active_at_creation,
        ownership_at_creation.is_product_owned_at_creation,
        case
            when not ownership_at_creation.is_account_active_at_creation
                then 'new_business'
            when opportunities.declared_type = 'renewal' then 'renewal'
            when opportunities.product_id is not null
                then
                    case
                        when ownership_at_creation.is_product_owned_at_creation
                            then 'upsell'
                        else 'cross_sell'
                    end
            when opportunities.declared_type = 'cross_sell' then 'cross_sell'
            else 'upsell'
        end as opportunity_kind
    from opportunities
    inner join ownership_at_creation
        on opportunities.opportunity_id = ownership_at_creation.opportunity_id
),

final as (
    select
        tagged.*,
        tagged.opportunity_kind = 'cross_sell' as is_cross_sell_opportunity,
        tagged.canonical_stage = 'closed_won' as is_won,
        tagged.canonical_stage in ('closed_won', 'closed_lost') as is_closed,
        coalesce(tagged.declared_type = tagged.opportunity_kind, false)
            as is_declared_type_matching
    from tagged
)

select * from final
