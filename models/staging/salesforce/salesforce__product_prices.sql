{#
    The list price of each product: one row per product_2_id. Among the
    current, not deleted price book entries of the product (only those of
    the price book salesforce_pricebook_id when the var is set), an active
    entry first, then the earliest created (Salesforce makes every product
    get its standard price before any other), then the lowest id.
    currency: the entry's own (multi-currency orgs) or salesforce_currency.
#}
{% set pricebook_id = var('salesforce_pricebook_id', none) %}
{% set pricebook_filter = 'true' if pricebook_id is none else
    "entries_versioned.pricebook_2_id = '" ~ pricebook_id ~ "'" %}
with

pricebook_entry as (
    select * from {{ source('salesforce', 'pricebook_entry') }}
),

entries_versioned as (
    select
        pricebook_entry.*,
        row_number() over (
            partition by pricebook_entry.id
            order by
                {{ crm_parse_timestamp(
                    salesforce_loaded_at('pricebook_entry')
                ) }} desc nulls last
        ) as version_rank
    from pricebook_entry
),

entries_current as (
    select entries_versioned.*
    from entries_versioned
    where
        entries_versioned.version_rank = 1
        and {{ salesforce_is_deleted('entries_versioned') }} = 'false'
        and {{ pricebook_filter }}
),

entries_ranked as (
    select
        entries_current.*,
        row_number() over (
            partition by entries_current.product_2_id
            order by
                {{ salesforce_flag('entries_current.is_active') }} desc,
                {{ crm_parse_timestamp('entries_current.created_date') }}
                asc nulls last,
                entries_current.id asc
        ) as price_rank
    from entries_current
),

final as (
    select
        entries_ranked.product_2_id,
        entries_ranked.unit_price as list_price,
        {{ salesforce_currency('entries_ranked') }} as currency
    from entries_ranked
    where entries_ranked.price_rank = 1
)

select * from final
