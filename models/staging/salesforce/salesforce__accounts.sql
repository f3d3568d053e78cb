{#
    accounts from Salesforce's account: one row per landed version, every
    column text, in the contract's order.
    segment: the custom field named by salesforce_account_segment_field,
      else consumer for a person account, else the number_of_employees band
      of salesforce_employee_segments, else 'unknown'.
    region: the custom field named by salesforce_account_region_field, else
      the billing country looked up in salesforce_country_regions, else
      'unknown'. country: the billing country code (else the code of the
      billing country's name, else the name as typed, else 'unknown').
    customer_type: b2c for a person account, else b2b. industry: 'unknown'
    when blank (Salesforce does not require it). churned_at and age_band:
    custom fields named by vars, else null. created_at: created_date, else
    the sync time.
#}
with

account as (
    select * from {{ source('salesforce', 'account') }}
),

country_regions as (
    select * from {{ ref('salesforce_country_regions') }}
),

employee_segments as (
    select * from {{ ref('salesforce_employee_segments') }}
),

accounts_read as (
    select
        account.*,
        {{ salesforce_flag('account.is_person_account') }} as is_person,
        {{ crm_parse_value(
            salesforce_value('account.number_of_employees'), 'integer'
        ) }} as employee_count
    from account
),

accounts_located as (
    select
        accounts_read.*,
        coalesce(by_code.country_code, by_name.country_code) as country_code,
        coalesce(by_code.region, by_name.region) as country_region
    from accounts_read
    left join country_regions as by_code
        on
            {{ salesforce_key('accounts_read.billing_country_code') }}
            = {{ salesforce_key('by_code.country_code') }}
    left join country_regions as by_name
        on
            {{ salesforce_key('accounts_read.billing_country') }}
            = {{ salesforce_key('by_name.country_name') }}
),

accounts_banded as (
    select
        accounts_located.*,
        employee_segments.segment as band_segment
    from accounts_located
    left join employee_segments
        on
            accounts_located.employee_count
            >= employee_segments.min_employees
            and (
                employee_segments.max_employees is null
                or accounts_located.employee_count
                < employee_segments.max_employees
            )
),

final as (
    select
        {{ salesforce_text('id') }} as account_id,
        {{ salesforce_text('name') }} as account_name,
        {{ salesforce_text(
            "coalesce("
            ~ salesforce_value('custom_segment')
            ~ ", case when is_person then 'consumer' end"
            ~ ", band_segment, 'unknown')"
        ) }} as segment,
        {{ salesforce_text(
            "coalesce(" ~ salesforce_value('industry') ~ ", 'unknown')"
        ) }} as industry,
        {{ salesforce_text(
            "coalesce(" ~ salesforce_value('custom_region')
            ~ ", country_region, 'unknown')"
        ) }} as region,
        {{ salesforce_text(
            "coalesce(country_code, "
            ~ salesforce_value('billing_country_code') ~ ", "
            ~ salesforce_value('billing_country') ~ ", 'unknown')"
        ) }} as country,
        {{ salesforce_text(
            "case when is_person then 'b2c' else 'b2b' end"
        ) }} as customer_type,
        {{ salesforce_text('custom_age_band') }} as age_band,
        {{ salesforce_text('owner_id') }} as owner_rep_id,
        {{ salesforce_text(
            'coalesce(' ~ salesforce_value('created_date')
            ~ ', _fivetran_synced)'
        ) }} as created_at,
        {{ salesforce_text('custom_churned_at') }} as churned_at,
        {{ salesforce_is_deleted('accounts_banded') }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('accounts_banded')) }}
            as _loaded_at
    from accounts_banded
)

select * from final
