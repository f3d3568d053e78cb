{#
    The contract's campaigns from HubSpot contact lists: one row per landed
    list row of the lists var hubspot_campaign_lists names (ids or names;
    null = every list). A list has no channel (var hubspot_campaign_channel)
    and no end: started_at is when the list was created, ended_at is empty.
#}
with

contact_list as (
    select * from {{ source('hubspot', 'contact_list') }}
),

final as (
    select
        cast({{ hubspot_text('id') }} as {{ dbt.type_string() }})
            as campaign_id,
        cast({{ hubspot_text('name') }} as {{ dbt.type_string() }})
            as campaign_name,
        cast(
            {{ hubspot_var_text('hubspot_campaign_channel') }}
            as {{ dbt.type_string() }}
        ) as channel,
        cast({{ hubspot_text('created_at') }} as {{ dbt.type_string() }})
            as started_at,
        cast(null as {{ dbt.type_string() }}) as ended_at,
        cast(
            {{ hubspot_boolean_text(hubspot_flag('_fivetran_deleted')) }}
            as {{ dbt.type_string() }}
        ) as is_deleted,
        cast({{ hubspot_text('_fivetran_synced') }} as {{ dbt.type_string() }})
            as _loaded_at
    from contact_list
    where
        {{ hubspot_matches_var(
            [hubspot_text('id'), hubspot_text('name')],
            var('hubspot_campaign_lists'),
        ) }}
)

select * from final
