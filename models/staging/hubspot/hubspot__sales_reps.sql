{#
    The contract's sales_reps from HubSpot owners: one row per landed owner
    row. team is the name of the owner's primary team (else its team with
    the lowest id; else var hubspot_unknown_label); role is service when the
    owner belongs to a team named in var hubspot_service_teams (compared
    ignoring case), else sales. HubSpot keeps no region for an owner (var
    hubspot_unknown_label). hired_at is when the owner was created; an
    owner whose active_user_id is empty has left, at its last update.
    rep_name (personal) is the first and last name, else the owner id.
#}
{%- set service_teams = var('hubspot_service_teams') or [] -%}
{%- set service_teams = [service_teams] if service_teams is string else service_teams -%}
with

owner as (
    select * from {{ source('hubspot', 'owner') }}
),

owner_team as (
    select * from {{ source('hubspot', 'owner_team') }}
),

team as (
    select * from {{ source('hubspot', 'team') }}
),

memberships as (
    select
        {{ hubspot_text('owner_team.owner_id') }} as owner_id,
        {{ hubspot_text('team.name') }} as team_name,
        row_number() over (
            partition by {{ hubspot_text('owner_team.owner_id') }}
            order by
                case
                    when {{ hubspot_flag('owner_team.is_team_primary') }}
                        then 0
                    else 1
                end,
                {{ hubspot_text('owner_team.team_id') }}
        ) as team_rank,
        {{ hubspot_matches_var(
            ['lower(' ~ hubspot_text('team.name') ~ ')'],
            service_teams | map('lower') | list,
        ) if service_teams else 'false' }} as is_service_team
    from owner_team
    inner join team
        on
            {{ hubspot_text('owner_team.team_id') }}
            = {{ hubspot_text('team.id') }}
    where
        not {{ hubspot_flag('owner_team._fivetran_deleted') }}
        and not {{ hubspot_flag('team._fivetran_deleted') }}
),

owner_teams as (
    select
        owner_id,
        max(case when team_rank = 1 then team_name end) as team_name,
        max(case when is_service_team then 1 else 0 end) as is_service
    from memberships
    group by 1
),

owners as (
    select
        {{ hubspot_text('owner_id') }} as owner_id,
        nullif(
            trim(
                {{ dbt.concat([
                    "coalesce(" ~ hubspot_text('first_name') ~ ", '')",
                    "' '",
                    "coalesce(" ~ hubspot_text('last_name') ~ ", '')",
                ]) }}
            ),
            ''
        ) as owner_name,
        {{ hubspot_text('created_at') }} as created_at,
        {{ hubspot_text('updated_at') }} as updated_at,
        {{ hubspot_text('active_user_id') }} as active_user_id,
        {{ hubspot_flag('_fivetran_deleted') }} as is_deleted,
        {{ hubspot_text('_fivetran_synced') }} as loaded_at
    from owner
),

final as (
    select
        cast(owners.owner_id as {{ dbt.type_string() }}) as rep_id,
        cast(
            coalesce(owners.owner_name, owners.owner_id)
            as {{ dbt.type_string() }}
        ) as rep_name,
        cast(
            coalesce(
                owner_teams.team_name,
                {{ hubspot_var_text('hubspot_unknown_label') }}
            ) as {{ dbt.type_string() }}
        ) as team,
        cast(
            {{ hubspot_var_text('hubspot_unknown_label') }}
            as {{ dbt.type_string() }}
        ) as region,
        cast(
            case when owner_teams.is_service = 1 then 'service' else 'sales' end
            as {{ dbt.type_string() }}
        ) as role,  -- noqa: RF04
        cast(owners.created_at as {{ dbt.type_string() }}) as hired_at,
        cast(
            case when owners.active_user_id is null then owners.updated_at end
            as {{ dbt.type_string() }}
        ) as left_at,
        cast(
            {{ hubspot_boolean_text('owners.is_deleted') }}
            as {{ dbt.type_string() }}
        ) as is_deleted,
        cast(owners.loaded_at as {{ dbt.type_string() }}) as _loaded_at
    from owners
    left join owner_teams
        on owners.owner_id = owner_teams.owner_id
)

select * from final
