{#
    The body of a base_crm__<table> model: every raw row of one table, read
    as the contract's types, with the first four steps of the contract's
    bad-input rules applied. One row out per raw row in:

      _dq_status  candidate | superseded | deleted | rejected
      _dq_reason  the reason code of a rejected row, else null
      _dq_failed_columns
                  the columns that made the row rejected, comma-separated
                  in contract order: the key parts (missing_primary_key, or
                  invalid_value of an unreadable key), the empty required
                  columns (missing_required_field), the unreadable columns,
                  enums outside their list and the columns whose rule fired
                  (invalid_value), currency (unknown_currency), stage
                  (unmapped_stage); null otherwise (conflicting_duplicate)

    Steps (docs/raw-contract.md, "Bad rows"):
      1. a null primary-key part rejects (missing_primary_key); an
         unreadable one rejects (invalid_value) before versions are compared
      2. per key the latest _loaded_at wins (null and unreadable sort
         oldest); tied latest rows that differ are all rejected
         (conflicting_duplicate); identical ones: one wins, the rest are
         superseded
      3. a winner with is_deleted = true is deleted
      4. a winner failing a value rule is rejected with the first of
         missing_required_field, invalid_value, unknown_currency,
         unmapped_stage
    Step 5 and 6 (references to other tables) happen in the
    int_<table>_resolved models (models/intermediate/resolved).

    raw_rows is the relation the raw rows are read from, every column as
    text: the contract's source table, or (crm_source salesforce or
    hubspot) the adapter model that maps the CRM's tables onto it. A table
    with a currency column also takes currency_rates=ref('currency_rates'),
    one with a stage column crm_stage_map=ref('crm_stage_map'): the model
    file names every relation it reads.

    Incremental (the tables that grow with the accounts): a run reads only
    the raw rows of the keys that have a row loaded since the newest
    _loaded_at already built minus `incremental_lookback_days` (or a row
    whose _loaded_at is unreadable), with every earlier version of those
    keys, so steps 1-4 see the same versions as a full build; delete+insert
    on _batch_key replaces those keys' rows. Raw tables are append-only
    logs: a version removed from the raw files is only dropped by a
    --full-refresh.
#}
{% macro crm_base_model(table, raw_rows, currency_rates=none, crm_stage_map=none) %}
{%- set spec = crm_contract()[table] -%}
{%- set columns = spec.columns -%}
{%- set key = spec.primary_key -%}
{%- set column_types = columns | map(attribute='type') | list -%}
{%- set has_currency = 'currency' in column_types -%}
{%- set has_stage = 'stage' in column_types -%}
{%- set has_is_deleted = 'is_deleted' in (columns | map(attribute='name') | list) -%}
{%- do crm_check_rules_name_a_column(table, spec) -%}
{%- if has_currency and currency_rates is none -%}
    {%- do exceptions.raise_compiler_error(
        'base_crm__' ~ table ~ " has a currency column: pass currency_rates=ref('currency_rates') to crm_base_model"
    ) -%}
{%- endif -%}
{%- if has_stage and crm_stage_map is none -%}
    {%- do exceptions.raise_compiler_error(
        'base_crm__' ~ table ~ " has a stage column: pass crm_stage_map=ref('crm_stage_map') to crm_base_model"
    ) -%}
{%- endif -%}
{%- set key_failures = [] -%}
{%- set required_failures = [] -%}
{%- set invalid_failures = [] -%}
{%- for column in columns -%}
    {%- if column.name in key -%}
        {%- do key_failures.append((column.name, '(' ~ column.name ~ '__text is null or ' ~ crm_is_unreadable(column.name) ~ ')')) -%}
    {%- elif not column.nullable -%}
        {%- do required_failures.append((column.name, column.name ~ '__text is null')) -%}
    {%- endif -%}
    {%- do invalid_failures.append((column.name, crm_is_invalid(column))) -%}
{%- endfor -%}
with

source as (
    select * from {{ raw_rows }}
    {%- if config.get('materialized') == 'incremental' and is_incremental() %}
    where {{ crm_batch_key(key, 'raw') }} in (
        select {{ crm_batch_key(key, 'raw') }}
        from {{ raw_rows }}
        where {{ crm_loaded_since_last_build() }}
    )
    {%- endif %}
),
{% if has_currency %}
currency_rates as (
    select * from {{ currency_rates }}
),
{% endif %}
{%- if has_stage %}
crm_stage_map as (
    select * from {{ crm_stage_map }}
),
{% endif %}
normalised as (
    select
        {%- for column in columns %}
        {{ crm_normalise_text(column.name, column.type) }} as {{ column.name }}__text
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from source
),

typed as (
    select
        normalised.*,
        {%- for column in columns %}
        {{ crm_parse_value(column.name ~ '__text', column.type) }}
            as {{ column.name }},
        {%- endfor %}
        {{ crm_record_key(key) }} as _record_key,
        {{ crm_batch_key(key, 'text') }} as _batch_key
    from normalised
),

{#- apart from `typed`: Postgres cannot use a column alias in its own select #}
key_checked as (
    select
        typed.*,
        (
            {%- for part in key %}
            {{ part }}__text is null{% if not loop.last %} or{% endif %}
            {%- endfor %}
        ) as _is_missing_primary_key,
        (
            {%- for part in key %}
            {{ crm_is_unreadable(part) }}{% if not loop.last %} or{% endif %}
            {%- endfor %}
        ) as _is_unreadable_primary_key
    from typed
),

{#-
    Read by two steps (the per-key versions and the join back to them):
    computed once, where the engine lets a query say so
    (crm_materialized_cte), instead of parsing every raw row twice.
#}
versioned as {{ crm_materialized_cte() }} (
    select
        key_checked.*,
        not (_is_missing_primary_key or _is_unreadable_primary_key)
            as _is_versioned,
        {{ crm_row_hash(columns) }} as _row_hash
    from key_checked
),

{#-
    The versions of each key, narrow: per key and _loaded_at, how many rows
    and the smallest and largest row hash. The wide rows are joined once,
    to the key's latest load (null _loaded_at sorts oldest: a key whose
    rows all lack it has the null load as its latest).
#}
key_loads as (
    select
        {{ key | join(',\n        ') }},
        _loaded_at,
        min(_row_hash) as _min_hash,
        max(_row_hash) as _max_hash,
        count(*) as _copies
    from versioned
    where _is_versioned
    group by {{ key | join(', ') }}, _loaded_at
),

key_latest as (
    select
        {{ key | join(',\n        ') }},
        max(_loaded_at) as _latest_loaded_at
    from key_loads
    group by {{ key | join(', ') }}
),

latest_loads as (
    select
        {%- for part in key %}
        key_loads.{{ part }},
        {%- endfor %}
        key_latest._latest_loaded_at,
        key_loads._min_hash as _latest_min_hash,
        key_loads._max_hash as _latest_max_hash,
        key_loads._copies as _latest_copies
    from key_loads
    inner join key_latest
        on {{ crm_key_equals(key, 'key_loads', 'key_latest') }}
    where
        key_loads._loaded_at = key_latest._latest_loaded_at
        or (key_loads._loaded_at is null and key_latest._latest_loaded_at is null)
),

{#- rank 1: the key's latest _loaded_at (every row when all are null) #}
ranked as (
    select
        versioned.*,
        case
            when not versioned._is_versioned then 1
            when latest_loads._latest_loaded_at is null then 1
            when versioned._loaded_at = latest_loads._latest_loaded_at then 1
            else 2
        end as _version_rank,
        latest_loads._latest_min_hash,
        latest_loads._latest_max_hash,
        coalesce(latest_loads._latest_copies, 1) as _latest_copies
    from versioned
    left join latest_loads
        on {{ crm_key_equals(key, 'versioned', 'latest_loads') }}
),

{#- the keys whose latest load has several rows: few #}
copied_keys as (
    select * from latest_loads
    where _latest_copies > 1
),

{#-
    Aggregates instead of window functions over every row (the hot spot of
    the largest tables): only the latest rows of the few copied keys are
    numbered, to keep one identical copy. They are read from `versioned`
    again rather than from `ranked`, so the joined rows are never held in
    memory as a whole.
#}
latest_compared as (
    select
        ranked.*,
        1 as _copy_number
    from ranked
    where not (_version_rank = 1 and _latest_copies > 1)
    union all
    select
        versioned.*,
        1 as _version_rank,
        copied_keys._latest_min_hash,
        copied_keys._latest_max_hash,
        copied_keys._latest_copies,
        row_number() over (
            partition by versioned.{{ key | join(', versioned.') }}
            order by versioned._row_hash
        ) as _copy_number
    from versioned
    inner join copied_keys
        on
            {{ crm_key_equals(key, 'versioned', 'copied_keys') }}
            and (
                versioned._loaded_at = copied_keys._latest_loaded_at
                or copied_keys._latest_loaded_at is null
            )
),

looked_up as (
    select
        latest_compared.*
        {%- if has_currency %},
        currency_rates.usd_per_unit
        {%- endif %}
        {%- if has_stage %},
        crm_stage_map.canonical_stage
        {%- endif %}
    from latest_compared
    {%- if has_currency %}
    left join currency_rates
        on latest_compared.currency = currency_rates.currency_code
    {%- endif %}
    {%- if has_stage %}
    left join crm_stage_map
        on lower(latest_compared.stage) = lower(crm_stage_map.crm_stage_name)
    {%- endif %}
),

rule_checked as (
    select
        looked_up.*,
        (
            false
            {%- for column in columns if not column.nullable and column.name not in key %}
            or {{ column.name }}__text is null
            {%- endfor %}
        ) as _has_missing_required_field,
        (
            false
            {%- for column in columns %}
            or {{ crm_is_invalid(column) }}
            {%- endfor %}
        ) as _has_invalid_value
    from looked_up
),

classified as (
    select
        rule_checked.*,
        case
            when _is_missing_primary_key then 'missing_primary_key'
            when _is_unreadable_primary_key then 'invalid_value'
            when _version_rank > 1 then null
            when _latest_min_hash != _latest_max_hash
                then 'conflicting_duplicate'
            when _copy_number > 1 then null
            {%- if has_is_deleted %}
            when is_deleted then null
            {%- endif %}
            when _has_missing_required_field then 'missing_required_field'
            when _has_invalid_value then 'invalid_value'
            {%- if has_currency %}
            when usd_per_unit is null then 'unknown_currency'
            {%- endif %}
            {%- if has_stage %}
            when canonical_stage is null then 'unmapped_stage'
            {%- endif %}
        end as _dq_reason
    from rule_checked
),

final as (
    select
        {%- for column in columns %}
        {{ column.name }},
        {%- endfor %}
        {%- if has_currency %}
        usd_per_unit,
        {%- endif %}
        {%- if has_stage %}
        canonical_stage,
        {%- endif %}
        _record_key,
        _batch_key,
        {#- built here, not carried through the version steps above #}
        {{ crm_joined_texts(columns, mask_personal=true) }} as _raw_values,
        _dq_reason,
        case
            when _dq_reason = 'missing_primary_key'
                then {{ crm_failed_columns(key_failures) }}
            when _dq_reason = 'invalid_value' and _is_unreadable_primary_key
                then {{ crm_failed_columns(key_failures) }}
            when _dq_reason = 'missing_required_field'
                then {{ crm_failed_columns(required_failures) }}
            when _dq_reason = 'invalid_value'
                then {{ crm_failed_columns(invalid_failures) }}
            {%- for column in columns if column.type in ('currency', 'stage') %}
            when _dq_reason = '{{ 'unknown_currency' if column.type == 'currency' else 'unmapped_stage' }}'
                then '{{ column.name }}'
            {%- endfor %}
        end as _dq_failed_columns,
        case
            when _dq_reason is not null then 'rejected'
            when _version_rank > 1 or _copy_number > 1 then 'superseded'
            {%- if has_is_deleted %}
            when is_deleted then 'deleted'
            {%- endif %}
            else 'candidate'
        end as _dq_status
    from classified
)

select * from final
{% endmacro %}


{# Trim spaces (empty -> null); enums lower-cased, currencies upper-cased. #}
{% macro crm_normalise_text(column_name, column_type) %}
    {%- set trimmed = "nullif(trim(cast(" ~ column_name ~ " as " ~ dbt.type_string() ~ ")), '')" -%}
    {%- if column_type == 'enum' -%}
        {{ return('lower(' ~ trimmed ~ ')') }}
    {%- elif column_type == 'currency' -%}
        {{ return('upper(' ~ trimmed ~ ')') }}
    {%- else -%}
        {{ return(trimmed) }}
    {%- endif -%}
{% endmacro %}


{% macro crm_is_unreadable(column_name) %}
    {{ return('(' ~ column_name ~ '__text is not null and ' ~ column_name ~ ' is null)') }}
{% endmacro %}


{# A winning row's value of this column is invalid: unreadable, outside its enum, or failing one of the column's rules. #}
{% macro crm_is_invalid(column) %}
    {%- set conditions = [crm_is_unreadable(column.name)] -%}
    {%- if column.type == 'enum' -%}
        {%- do conditions.append('coalesce(' ~ column.name ~ " not in ('" ~ column['values'] | join("', '") ~ "'), false)") -%}
    {%- endif -%}
    {%- for rule in column.get('rules', []) -%}
        {%- do conditions.append('coalesce(' ~ rule ~ ', false)') -%}
    {%- endfor -%}
    {{ return('(' ~ conditions | join(' or ') ~ ')') }}
{% endmacro %}


{#
    The names whose condition holds, comma-separated in the given order;
    null when none does. `failures` is a list of (column name, condition).
#}
{% macro crm_failed_columns(failures) %}
    {%- if failures | length == 0 -%}
        {{ return('cast(null as ' ~ dbt.type_string() ~ ')') }}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for name, condition in failures -%}
        {%- do parts.append("case when " ~ condition ~ " then '," ~ name ~ "' else '' end") -%}
    {%- endfor -%}
    {%- set joined = parts[0] if parts | length == 1 else dbt.concat(parts) -%}
    {{ return("nullif(substr(" ~ joined ~ ", 2), '')") }}
{% endmacro %}


{#
    Every table-level value rule must also sit on the column it judges
    (the column's `rules`), so a row it rejects names that column.
#}
{% macro crm_check_rules_name_a_column(table, spec) %}
    {%- set on_columns = [] -%}
    {%- for column in spec.columns -%}
        {%- for rule in column.get('rules', []) -%}{%- do on_columns.append(rule) -%}{%- endfor -%}
    {%- endfor -%}
    {%- for rule in spec.rules if rule not in on_columns -%}
        {%- do exceptions.raise_compiler_error(
            'Contract of table ' ~ table ~ ': the rule "' ~ rule ~ '" is on no column (add it to the rules of the column it judges)'
        ) -%}
    {%- endfor -%}
{% endmacro %}


{# Key parts joined with '|'; null when every part is null. #}
{% macro crm_record_key(key) %}
    {%- set all_null = [] -%}
    {%- for part in key -%}{%- do all_null.append(part ~ '__text is null') -%}{%- endfor -%}
    {{ return('case when not (' ~ all_null | join(' and ') ~ ') then ' ~ crm_batch_key(key, 'text') ~ ' end') }}
{% endmacro %}


{# left.part = right.part for every part of the key. #}
{% macro crm_key_equals(key, left, right) %}
    {%- set conditions = [] -%}
    {%- for part in key -%}
        {%- do conditions.append(left ~ '.' ~ part ~ ' = ' ~ right ~ '.' ~ part) -%}
    {%- endfor -%}
    {{ return(conditions | join(' and ')) }}
{% endmacro %}


{#
    Never-null key of the incremental batches: the key parts' normalised
    texts joined with '|'. `source` is 'raw' for the raw columns, 'text'
    for the model's normalised <part>__text columns.
#}
{% macro crm_batch_key(key, source) %}
    {%- set parts = [] -%}
    {%- for part in key -%}
        {%- if not loop.first -%}{%- do parts.append("'|'") -%}{%- endif -%}
        {%- if source == 'raw' -%}
            {%- do parts.append("coalesce(" ~ crm_normalise_text(part, 'text') ~ ", '')") -%}
        {%- else -%}
            {%- do parts.append("coalesce(" ~ part ~ "__text, '')") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(dbt.concat(parts)) }}
{% endmacro %}


{# Raw rows loaded within the lookback of the newest _loaded_at already built. #}
{% macro crm_loaded_since_last_build() %}
    {%- set loaded_at = crm_parse_value(crm_normalise_text('_loaded_at', 'timestamp'), 'timestamp') -%}
    {%- set newest = "(select coalesce(max(_loaded_at), cast('1900-01-01' as " ~ dbt.type_timestamp() ~ ")) from " ~ this ~ ")" -%}
    {{ return('(' ~ loaded_at ~ ' is null or ' ~ loaded_at ~ ' >= '
        ~ dbt.dateadd('day', -1 * var('incremental_lookback_days'), newest) ~ ')') }}
{% endmacro %}


{#
    A hash of a row's normalised texts, to tell identical copies of a version
    from conflicting ones. Default: md5 of the joined texts; DuckDB hashes
    the columns directly (no string is built; the hot spot of the largest
    base models at 200,000 accounts).
#}
{% macro crm_row_hash(columns) %}
    {{ return(adapter.dispatch('crm_row_hash', 'cross_sell')(columns)) }}
{% endmacro %}

{% macro default__crm_row_hash(columns) %}
    {{ return(dbt.hash(crm_joined_texts(columns))) }}
{% endmacro %}

{% macro duckdb__crm_row_hash(columns) %}
    {%- set texts = [] -%}
    {%- for column in columns -%}
        {%- do texts.append(column.name ~ '__text') -%}
    {%- endfor -%}
    {{ return('hash(' ~ texts | join(', ') ~ ')') }}
{% endmacro %}


{#
    Every column's normalised text, '|'-separated, nulls as \N. With
    mask_personal the contract's personal columns (names) read '(personal)'
    when present, so the rejected rows' raw values carry no name.
#}
{% macro crm_joined_texts(columns, mask_personal=false) %}
    {%- set texts = [] -%}
    {%- for column in columns -%}
        {%- if mask_personal and column.personal -%}
            {%- do texts.append("case when " ~ column.name ~ "__text is not null then '(personal)' end") -%}
        {%- else -%}
            {%- do texts.append(column.name ~ '__text') -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(crm_fingerprint_text(texts)) }}
{% endmacro %}


{#
    The keyword that makes a CTE read by several steps computed once:
    DuckDB (which otherwise may inline it into each reader) and Postgres
    take `as materialized`; Spark has no such keyword (nothing).
#}
{% macro crm_materialized_cte() %}
    {{ return(adapter.dispatch('crm_materialized_cte', 'cross_sell')()) }}
{% endmacro %}

{% macro default__crm_materialized_cte() %}
    {{ return('') }}
{% endmacro %}

{% macro duckdb__crm_materialized_cte() %}
    {{ return('materialized') }}
{% endmacro %}

{% macro postgres__crm_materialized_cte() %}
    {{ return('materialized') }}
{% endmacro %}


{#
    The large base models are incremental with delete+insert on _batch_key.
    dbt-spark offers delete+insert on no file format and merge only on
    Delta, Iceberg or Hudi; on Spark (parquet) they are rebuilt as tables.
#}
{% macro crm_fact_materialization() %}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{% endmacro %}


{# The config of the base models of tables that grow with the accounts, written once. #}
{% macro crm_fact_config() %}
    {{ config(
        materialized=crm_fact_materialization(),
        unique_key='_batch_key',
        incremental_strategy='delete+insert',
        on_schema_change='fail'
    ) }}
{% endmacro %}
