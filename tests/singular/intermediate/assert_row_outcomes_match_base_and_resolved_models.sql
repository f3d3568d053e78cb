{#
    int_crm_row_outcomes accounts for every raw row exactly once: per table,
    its rows are the base model's rows, its loaded rows are the rows of the
    table's loaded model (int_<table>_resolved, or the staging model of a
    table with no parent), and its superseded, deleted and rejected counts
    are the base model's (rejected plus the orphans: candidates not
    loaded). Returns one row per table where a count differs.
#}
{%- set loaded_models = {
    'sales_reps': 'stg_crm__sales_reps',
    'accounts': 'int_accounts_resolved',
    'products': 'stg_crm__products',
    'orders': 'int_orders_resolved',
    'order_items': 'int_order_items_resolved',
    'campaigns': 'stg_crm__campaigns',
    'campaign_members': 'int_campaign_members_resolved',
    'opportunities': 'int_opportunities_resolved',
    'interactions': 'int_interactions_resolved',
    'product_usage': 'int_product_usage_resolved',
    'survey_responses': 'int_survey_responses_resolved',
    'implementations': 'int_implementations_resolved',
} %}
with

row_outcomes as (
    select * from {{ ref('int_crm_row_outcomes') }}
),

outcome_counts as (
    select
        table_name,
        count(*) as raw_rows,
        sum(case when status = 'loaded' then 1 else 0 end) as loaded,
        sum(case when status = 'superseded' then 1 else 0 end) as superseded,
        sum(case when status = 'deleted' then 1 else 0 end) as deleted,
        sum(case when status = 'rejected' then 1 else 0 end) as rejected
    from row_outcomes
    group by 1
),

base_counts as (
    {%- for table in loaded_models %}
    select
        '{{ table }}' as table_name,
        count(*) as raw_rows,
        sum(
            case when _dq_status = 'superseded' then 1 else 0 end
        ) as superseded,
        sum(case when _dq_status = 'deleted' then 1 else 0 end) as deleted,
        sum(
            case when _dq_status in ('candidate', 'rejected') then 1 else 0 end
        ) as candidate_or_rejected
    from {{ ref('base_crm__' ~ table) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

loaded_counts as (
    {%- for table, loaded_model in loaded_models.items() %}
    select
        '{{ table }}' as table_name,
        count(*) as loaded
    from {{ ref(loaded_model) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{# a candidate that is not loaded is rejected (an orphan) #}
expected_counts as (
    select
        base_counts.table_name,
        base_counts.raw_rows,
        loaded_counts.loaded,
        coalesce(base_counts.superseded, 0) as superseded,
        coalesce(base_counts.deleted, 0) as deleted,
        coalesce(base_counts.candidate_or_rejected, 0)
        - loaded_counts.loaded as rejected
    from base_counts
    inner join loaded_counts
        on base_counts.table_name = loaded_counts.table_name
)

select
    expected_counts.table_name,
    expected_counts.raw_rows as expected_raw_rows,
    coalesce(outcome_counts.raw_rows, 0) as raw_rows,
    expected_counts.loaded as expected_loaded,
    coalesce(outcome_counts.loaded, 0) as loaded,
    expected_counts.rejected as expected_rejected,
    coalesce(outcome_counts.rejected, 0) as rejected
from expected_counts
left join outcome_counts
    on expected_counts.table_name = outcome_counts.table_name
where
    expected_counts.raw_rows != coalesce(outcome_counts.raw_rows, 0)
    or expected_counts.loaded != coalesce(outcome_counts.loaded, 0)
    or expected_counts.superseded != coalesce(outcome_counts.superseded, 0)
    or expected_counts.deleted != coalesce(outcome_counts.deleted, 0)
    or expected_counts.rejected != coalesce(outcome_counts.rejected, 0)
