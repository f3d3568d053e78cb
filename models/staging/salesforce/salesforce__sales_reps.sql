{#
    sales_reps from Salesforce's user: one row per landed version.
    team: the name of the user's role (user_role), 'unknown' without one.
    region: the user's country (code, else name) looked up in
      salesforce_country_regions, else 'unknown'.
    role: the department through salesforce_user_departments; sales when
      the department is empty or not listed.
    hired_at: created_date, else the sync time. left_at: for a deactivated
      user (is_active false), last_modified_date, else the sync time (the
      latest moment the deactivation can have happened); null while active.
#}
with

landed_user as (
    select * from {{ source('salesforce', 'user') }}
),

user_role as (
    select * from {{ source('salesforce', 'user_role') }}
),

country_regions as (
    select * from {{ ref('salesforce_country_regions') }}
),

user_departments as (
    select * from {{ ref('salesforce_user_departments') }}
),

roles_versioned as (
    select
        user_role.*,
        row_number() over (
            partition by user_role.id
            order by
                {{ crm_parse_timestamp(
                    salesforce_loaded_at('user_role')
                ) }} desc nulls last
        ) as version_rank
    from user_role
),

roles_current as (
    select
        roles_versioned.id as user_role_id,
        roles_versioned.name as role_name
    from roles_versioned
    where
        roles_versioned.version_rank = 1
        and {{ salesforce_is_deleted('roles_versioned', false) }} = 'false'
),

final as (
    select
        {{ salesforce_text('landed_user.id') }} as rep_id,
        {{ salesforce_text('landed_user.name') }} as rep_name,
        {{ salesforce_text(
            "coalesce(" ~ salesforce_value('roles_current.role_name')
            ~ ", 'unknown')"
        ) }} as team,
        {{ salesforce_text(
            "coalesce(by_code.region, by_name.region, 'unknown')"
        ) }} as region,
        {{ salesforce_text(
            "coalesce(user_departments.rep_role, 'sales')"
        ) }} as role,  -- noqa: RF04
        {{ salesforce_text(
            'coalesce(' ~ salesforce_value('landed_user.created_date')
            ~ ', landed_user._fivetran_synced)'
        ) }} as hired_at,
        {{ salesforce_text(
            'case when '
            ~ crm_parse_value('landed_user.is_active', 'boolean')
            ~ ' = false then coalesce('
            ~ salesforce_value('landed_user.last_modified_date')
            ~ ', landed_user._fivetran_synced) end'
        ) }} as left_at,
        {{ salesforce_is_deleted('landed_user', false) }} as is_deleted,
        {{ salesforce_text(salesforce_loaded_at('landed_user')) }}
            as _loaded_at
    from landed_user
    left join roles_current
        on landed_user.user_role_id = roles_current.user_role_id
    left join country_regions as by_code
        on
            {{ salesforce_key('landed_user.country_code') }}
            = {{ salesforce_key('by_code.country_code') }}
    left join country_regions as by_name
        on
            {{ salesforce_key('landed_user.country') }}
            = {{ salesforce_key('by_name.country_name') }}
    left join user_departments
        on
            {{ salesforce_key('landed_user.department') }}
            = {{ salesforce_key('user_departments.department') }}
)

select * from final
