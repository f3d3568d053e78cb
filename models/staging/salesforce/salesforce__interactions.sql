{#
    interactions from Salesforce's task and event: one row per landed
    version of each. occurred_at: a task's completed_date_time, an event's
    start_date_time, else when it was logged (created_date). channel and
    interaction_type: the Type (else the subtype) through
    salesforce_activity_types; a type not listed keeps its own name,
    lower-cased, as the channel ('unknown' without one) and is a sales
    interaction, or a service one when it is about a case (what_id starting
    500). opportunity_id: the what_id when it is an opportunity's id in the
    landed opportunity table, else null.
#}
with

task as (
    select * from {{ source('salesforce', 'task') }}
),

event as (
    select * from {{ source('salesforce', 'event') }}
),

opportunity as (
    select * from {{ source('salesforce', 'opportunity') }}
),

activity_types as (
    select * from {{ ref('salesforce_activity_types') }}
),

opportunity_ids as (
    select distinct id as opportunity_id
    from opportunity
),

activities as (
    select
        task.id,
        task.account_id,
        task.owner_id,
        task.what_id,
        coalesce(
            {{ salesforce_value('task.type') }},
            {{ salesforce_value('task.task_subtype') }}
        ) as activity_type,
        coalesce(
            {{ salesforce_value('task.completed_date_time') }},
            task.created_date
        ) as occurred_at,
        {{ salesforce_is_deleted('task') }} as is_deleted,
        {{ salesforce_loaded_at('task') }} as loaded_at
    from task
    union all
    select
        event.id,
        event.account_id,
        event.owner_id,
        event.what_id,
        coalesce(
            {{ salesforce_value('event.type') }},
            {{ salesforce_value('event.event_subtype') }}
        ) as activity_type,
        coalesce(
            {{ salesforce_value('event.start_date_time') }},
            event.created_date
        ) as occurred_at,
        {{ salesforce_is_deleted('event') }} as is_deleted,
        {{ salesforce_loaded_at('event') }} as loaded_at
    from event
),

final as (
    select
        {{ salesforce_text('activities.id') }} as interaction_id,
        {{ salesforce_text('activities.account_id') }} as account_id,
        {{ salesforce_text('activities.owner_id') }} as rep_id,
        {{ salesforce_text('activities.occurred_at') }} as occurred_at,
        {{ salesforce_text(
            'coalesce(activity_types.channel, '
            ~ salesforce_key('activities.activity_type') ~ ", 'unknown')"
        ) }} as channel,
        {{ salesforce_text(
            "coalesce(activity_types.interaction_type, case when "
            ~ "activities.what_id like '500%' then 'service' "
            ~ "else 'sales' end)"
        ) }} as interaction_type,
        {{ salesforce_text('opportunity_ids.opportunity_id') }}
            as opportunity_id,
        {{ salesforce_text('activities.is_deleted') }} as is_deleted,
        {{ salesforce_text('activities.loaded_at') }} as _loaded_at
    from activities
    left join activity_types
        on
            {{ salesforce_key('activities.activity_type') }}
            = {{ salesforce_key('activity_types.activity_type') }}
    left join opportunity_ids
        on activities.what_id = opportunity_ids.opportunity_id
)

select * from final
