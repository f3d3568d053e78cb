{#
    orders, by the var salesforce_purchases:
    opportunities (default): every version of an opportunity that is won in
      at least one of its versions; the order is the deal: ordered_at is
      its close_date, status completed while won, cancelled in a version
      that is not (a won deal reopened).
    orders: Salesforce's order, one row per landed version; status through
      salesforce_order_statuses (Status, else its category status_code;
      unmapped values pass on lower-cased and are judged downstream);
      ordered_at is activated_date, or created_date for an order never
      activated.
    currency: the row's currency_iso_code, else salesforce_currency.
#}
{% set purchases = var('salesforce_purchases', 'opportunities') %}
{% if purchases not in ('opportunities', 'orders') %}
    {% do exceptions.raise_compiler_error(
        "var salesforce_purchases must be opportunities or orders, not "
        ~ purchases
    ) %}
{% endif %}
with
{% if purchases == 'orders' %}

landed_order as (
    select * from {{ source('salesforce', 'order') }}
),

order_statuses as (
    select * from {{ ref('salesforce_order_statuses') }}
),

final as (
    select
        {{ salesforce_text('landed_order.id') }} as order_id,
        {{ salesforce_text('landed_order.account_id') }} as account_id,
        {{ salesforce_text(
            'coalesce(' ~ salesforce_value('landed_order.activated_date')
            ~ ', landed_order.created_date)'
        ) }} as ordered_at,
        {{ salesforce_text(
            'coalesce(by_status.status, by_code.status, '
            ~ salesforce_key('landed_order.status') ~ ')'
        ) }} as status,
        {{ salesforce_text(salesforce_currency('landed_order')) }}
            as currency,
        {{ salesforce_is_deleted('landed_order') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('landed_order')) }}
            as _loaded_at
    from landed_order
    left join order_statuses as by_status
        on
            {{ salesforce_key('landed_order.status') }}
            = {{ salesforce_key('by_status.order_status') }}
    left join order_statuses as by_code
        on
            {{ salesforce_key('landed_order.status_code') }}
            = {{ salesforce_key('by_code.order_status') }}
)
{% else %}

opportunity as (
    select * from {{ source('salesforce', 'opportunity') }}
),

won_opportunities as (
    select distinct opportunity.id as opportunity_id
    from opportunity
    where {{ salesforce_flag('opportunity.is_won') }}
),

final as (
    select
        {{ salesforce_text('opportunity.id') }} as order_id,
        {{ salesforce_text('opportunity.account_id') }} as account_id,
        {{ salesforce_text('opportunity.close_date') }} as ordered_at,
        {{ salesforce_text(
            "case when " ~ salesforce_flag('opportunity.is_won')
            ~ " then 'completed' else 'cancelled' end"
        ) }} as status,
        {{ salesforce_text(salesforce_currency('opportunity')) }} as currency,
        {{ salesforce_is_deleted('opportunity') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('opportunity')) }}
            as _loaded_at
    from opportunity
    inner join won_opportunities
        on opportunity.id = won_opportunities.opportunity_id
)
{% endif %}

select * from final
