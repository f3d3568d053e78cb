{#
    Post-hook of int_account_periods_active on an incremental run: drop the
    rows whose fingerprint is no longer a current customer's (the customer
    was recomputed, or is no customer any more) and the periods after the
    calendar's last month (as_of_date moved back).
#}
{% macro crm_delete_stale_account_periods() %}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where
            _inputs_fingerprint not in (
                select _inputs_fingerprint
                from {{ ref('int_accounts_fingerprinted') }}
            )
            or period_start > (
                select max(period_start)
                from {{ ref('int_calendar_periods') }}
                where grain = 'month'
            )
    {%- endif -%}
{% endmacro %}
