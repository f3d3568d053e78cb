{#
    The contract's accounts from HubSpot companies: one row per landed
    company row (every history-mode version). HubSpot has no standard
    segment, region, customer type, age band or churn date: each is read
    from the company property its var names (hubspot_company_*_field).
    Descriptive values HubSpot may leave empty (segment, industry, region,
    country) become var hubspot_unknown_label rather than rejecting the
    company and, with it, its purchases; customer_type falls back to var
    hubspot_default_customer_type. industry is HubSpot's option value,
    lower-cased (RETAIL -> retail).
#}
with

company as (
    select * from {{ source('hubspot', 'company') }}
),

final as (
    select
        cast({{ hubspot_text('id') }} as {{ dbt.type_string() }})
            as account_id,
        cast({{ hubspot_text('property_name') }} as {{ dbt.type_string() }})
            as account_name,
        cast(
            coalesce(
                {{ hubspot_text('segment_field') }},
                {{ hubspot_var_text('hubspot_unknown_label') }}
            ) as {{ dbt.type_string() }}
        ) as segment,
        cast(
            coalesce(
                lower({{ hubspot_text('property_industry') }}),
                {{ hubspot_var_text('hubspot_unknown_label') }}
            ) as {{ dbt.type_string() }}
        ) as industry,
        cast(
            coalesce(
                {{ hubspot_text('region_field') }},
                {{ hubspot_var_text('hubspot_unknown_label') }}
            ) as {{ dbt.type_string() }}
        ) as region,
        cast(
            coalesce(
                {{ hubspot_text('property_country') }},
                {{ hubspot_var_text('hubspot_unknown_label') }}
            ) as {{ dbt.type_string() }}
        ) as country,
        cast(
            coalesce(
                {{ hubspot_text('customer_type_field') }},
                {{ hubspot_var_text('hubspot_default_customer_type') }}
            ) as {{ dbt.type_string() }}
        ) as customer_type,
        cast({{ hubspot_text('age_band_field') }} as {{ dbt.type_string() }})
            as age_band,
        cast(
            {{ hubspot_property_id('property_hubspot_owner_id') }}
            as {{ dbt.type_string() }}
        ) as owner_rep_id,
        cast(
            {{ hubspot_text('property_createdate') }} as {{ dbt.type_string() }}
        ) as created_at,
        cast(
            {{ hubspot_text('churned_at_field') }} as {{ dbt.type_string() }}
        ) as churned_at,
        cast(
            {{ hubspot_boolean_text(
                hubspot_flag('is_deleted') ~ ' or '
                ~ hubspot_flag('_fivetran_deleted') ~ ' or '
                ~ hubspot_is_closed_version('_fivetran_active')
            ) }} as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(
            coalesce(
                {{ hubspot_text('_fivetran_start') }},
                {{ hubspot_text('_fivetran_synced') }}
            ) as {{ dbt.type_string() }}
        ) as _loaded_at
    from company
)

select * from final
