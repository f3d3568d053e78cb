{#
    When each opportunity last entered each stage, from Salesforce's
    opportunity_history (a row per change of stage, amount or close date):
    one row per (opportunity_id, stage_key). A history row enters a stage
    when the row before it (by created_date, then id) shows another stage.
    stage_key is the stage name trimmed and lower-cased.
#}
with

opportunity_history as (
    select * from {{ source('salesforce', 'opportunity_history') }}
),

history_read as (
    select
        opportunity_history.opportunity_id,
        opportunity_history.id,
        {{ salesforce_key('opportunity_history.stage_name') }} as stage_key,
        {{ crm_parse_timestamp('opportunity_history.created_date') }}
            as changed_at
    from opportunity_history
    where
        {{ salesforce_is_deleted('opportunity_history') }} = 'false'
        and opportunity_history.stage_name is not null
),

history_ordered as (
    select
        history_read.*,
        lag(history_read.stage_key) over (
            partition by history_read.opportunity_id
            order by history_read.changed_at, history_read.id
        ) as previous_stage_key
    from history_read
    where history_read.changed_at is not null
),

final as (
    select
        opportunity_id,
        stage_key,
        max(changed_at) as entered_at
    from history_ordered
    where
        previous_stage_key is null
        or previous_stage_key != stage_key
    group by 1, 2
)

select * from final
