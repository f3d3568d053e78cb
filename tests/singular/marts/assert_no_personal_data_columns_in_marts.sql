{# No mart exposes account or rep names (marts-contract.md). #}
select
    table_name,
    column_name
from information_schema.columns
where
    table_schema = 'marts'
    and lower(column_name) in ('account_name', 'rep_name')
