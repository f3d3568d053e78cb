{#
    The alert lines of data_quality_rejected_share (read from `relation`),
    for the tables above the var rejected_share_warn, in report order:
    tables whose own values failed first (in the contract's table order),
    then tables whose rejections are mostly orphans of rejected parents, so
    the parent's problem is read first. Returns a list of
    {'table_name', 'alert_level', 'message'}; empty when the relation does
    not exist yet.

    A line, for example:
      orders.ordered_at: 8,066 of 8,066 rows unreadable, e.g. '12/01/2010 08:26'
      order_items.order_id: 14,034 of 14,034 rows rejected as orphan_reference (their orders were rejected)
#}
{% macro rejected_share_alerts(relation) %}
    {%- if not execute or load_relation(relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set found = run_query(
        'select table_name, raw_rows, rejected, rejected_parent_absent,'
        ~ ' alert_level, main_reason,'
        ~ ' main_columns, main_rejected, main_unreadable, main_parent_table,'
        ~ ' main_parent_rejected, example_1, example_2, example_3'
        ~ ' from ' ~ relation ~ " where alert_level in ('warn', 'error')"
    ) -%}
    {%- set own_failures = [] -%}
    {%- set parent_failures = [] -%}
    {%- for table in crm_table_names() -%}
        {%- for row in found.rows if row['table_name'] == table -%}
            {%- set alert = {
                'table_name': table,
                'alert_level': row['alert_level'],
                'message': rejected_share_line(row),
            } -%}
            {%- if row['main_reason'] == 'orphan_reference'
                and (row['main_parent_rejected'] or 0) * 2 > row['main_rejected'] -%}
                {%- do parent_failures.append(alert) -%}
            {%- else -%}
                {%- do own_failures.append(alert) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(own_failures + parent_failures) }}
{% endmacro %}


{# One row of data_quality_rejected_share as one line for people. #}
{% macro rejected_share_line(row) %}
    {%- set table = row['table_name'] -%}
    {%- set rejected = (row['rejected'] | int) - (row['rejected_parent_absent'] | int) -%}
    {%- set main = (row['main_rejected'] or 0) | int -%}
    {%- set parent_rejected = (row['main_parent_rejected'] or 0) | int -%}
    {%- set named = [] -%}
    {%- for column in (row['main_columns'] or '').split(',') if column -%}
        {%- do named.append(table ~ '.' ~ column) -%}
    {%- endfor -%}
    {%- set line = (named | join(', ') if named else table) ~ ': '
        ~ '{:,}'.format(main) ~ ' of ' ~ '{:,}'.format(row['raw_rows'] | int) ~ ' rows ' -%}
    {%- if row['main_reason'] == 'invalid_value' and (row['main_unreadable'] or 0) | int == main -%}
        {%- set line = line ~ 'unreadable' -%}
    {%- else -%}
        {%- set line = line ~ 'rejected as ' ~ row['main_reason'] -%}
    {%- endif -%}
    {%- set examples = [] -%}
    {%- for example in [row['example_1'], row['example_2'], row['example_3']] if example is not none -%}
        {%- do examples.append("'" ~ example ~ "'") -%}
    {%- endfor -%}
    {%- if parent_rejected == main and main > 0 -%}
        {%- set line = line ~ ' (their ' ~ row['main_parent_table'] ~ ' were rejected)' -%}
    {%- else -%}
        {%- if parent_rejected > 0 -%}
            {%- set line = line ~ ' (' ~ '{:,}'.format(parent_rejected) ~ ' of them: their '
                ~ row['main_parent_table'] ~ ' were rejected)' -%}
        {%- endif -%}
        {%- if examples -%}
            {%- set line = line ~ ', e.g. ' ~ examples | join(', ') -%}
        {%- endif -%}
    {%- endif -%}
    {%- if rejected > main -%}
        {%- set line = line ~ '; ' ~ '{:,}'.format(rejected) ~ ' rejected in all' -%}
    {%- endif -%}
    {{ return(line) }}
{% endmacro %}
