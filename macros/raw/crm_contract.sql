{#
    The raw CRM input contract (docs/raw-contract.md) as data.

    One entry per raw table:
      required     - the build stops when the table is absent
      primary_key  - list of columns; rows sharing it are versions of a record
      columns      - name, type and, where it applies:
                       nullable   (default false: a null rejects the row as
                                   missing_required_field)
                       references (parent table; a required key that points
                                   nowhere rejects the row as orphan_reference,
                                   a nullable one is set to null and counted)
                       values     (enum, compared lower-cased)
                       rules      (the table's value rules about this
                                   column: a row they reject names it in
                                   _dq_failed_columns; a rule about several
                                   columns sits on the one it judges)
      rules        - table-specific value rules: a SQL condition on the typed
                     columns that, when true, rejects the row as
                     invalid_value; each one also sits on a column

    Types: text, enum (text, lower-cased), currency (text, upper-cased and
    checked against the currency_rates seed), stage (text, mapped through the
    crm_stage_map seed), integer, decimal, boolean, date, timestamp.

    Everything that reads raw data (the raw-file hook, the base models, the
    data-quality marts and the Python demo generator's test) uses this macro,
    so the contract is written once.
#}
{% macro crm_contract() %}
{{ return({
    'accounts': {
        'required': true,
        'primary_key': ['account_id'],
        'columns': [
            {'name': 'account_id', 'type': 'text'},
            {'name': 'account_name', 'type': 'text'},
            {'name': 'segment', 'type': 'text'},
            {'name': 'industry', 'type': 'text'},
            {'name': 'region', 'type': 'text'},
            {'name': 'country', 'type': 'text'},
            {'name': 'customer_type', 'type': 'enum', 'values': ['b2b', 'b2c']},
            {'name': 'age_band', 'type': 'text', 'nullable': true},
            {'name': 'owner_rep_id', 'type': 'text', 'nullable': true, 'references': 'sales_reps'},
            {'name': 'created_at', 'type': 'timestamp'},
            {'name': 'churned_at', 'type': 'timestamp', 'nullable': true},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'products': {
        'required': true,
        'primary_key': ['product_id'],
        'columns': [
            {'name': 'product_id', 'type': 'text'},
            {'name': 'product_name', 'type': 'text'},
            {'name': 'product_category', 'type': 'text'},
            {'name': 'list_price', 'type': 'decimal'},
            {'name': 'currency', 'type': 'currency'},
            {'name': 'is_active', 'type': 'boolean'},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'orders': {
        'required': true,
        'primary_key': ['order_id'],
        'columns': [
            {'name': 'order_id', 'type': 'text'},
            {'name': 'account_id', 'type': 'text', 'references': 'accounts'},
            {'name': 'ordered_at', 'type': 'timestamp'},
            {'name': 'status', 'type': 'enum', 'values': ['completed', 'pending', 'cancelled', 'refunded']},
            {'name': 'currency', 'type': 'currency'},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'order_items': {
        'required': true,
        'primary_key': ['order_item_id'],
        'columns': [
            {'name': 'order_item_id', 'type': 'text'},
            {'name': 'order_id', 'type': 'text', 'references': 'orders'},
            {'name': 'product_id', 'type': 'text', 'references': 'products'},
            {'name': 'quantity', 'type': 'integer', 'rules': ['quantity <= 0']},
            {'name': 'unit_price', 'type': 'decimal', 'rules': ['unit_price < 0']},
            {'name': 'discount_amount', 'type': 'decimal', 'nullable': true, 'rules': [
                'discount_amount < 0',
                'discount_amount > quantity * unit_price',
            ]},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [
            'quantity <= 0',
            'unit_price < 0',
            'discount_amount < 0',
            'discount_amount > quantity * unit_price',
        ],
    },
    'sales_reps': {
        'required': false,
        'primary_key': ['rep_id'],
        'columns': [
            {'name': 'rep_id', 'type': 'text'},
            {'name': 'rep_name', 'type': 'text'},
            {'name': 'team', 'type': 'text'},
            {'name': 'region', 'type': 'text'},
            {'name': 'role', 'type': 'enum', 'values': ['sales', 'service']},
            {'name': 'hired_at', 'type': 'timestamp'},
            {'name': 'left_at', 'type': 'timestamp', 'nullable': true},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'campaigns': {
        'required': false,
        'primary_key': ['campaign_id'],
        'columns': [
            {'name': 'campaign_id', 'type': 'text'},
            {'name': 'campaign_name', 'type': 'text'},
            {'name': 'channel', 'type': 'text'},
            {'name': 'started_at', 'type': 'timestamp'},
            {'name': 'ended_at', 'type': 'timestamp', 'nullable': true},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'campaign_members': {
        'required': false,
        'primary_key': ['campaign_id', 'account_id'],
        'columns': [
            {'name': 'campaign_id', 'type': 'text', 'references': 'campaigns'},
            {'name': 'account_id', 'type': 'text', 'references': 'accounts'},
            {'name': 'added_at', 'type': 'timestamp'},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'opportunities': {
        'required': false,
        'primary_key': ['opportunity_id'],
        'columns': [
            {'name': 'opportunity_id', 'type': 'text'},
            {'name': 'account_id', 'type': 'text', 'references': 'accounts'},
            {'name': 'owner_rep_id', 'type': 'text', 'nullable': true, 'references': 'sales_reps'},
            {'name': 'product_id', 'type': 'text', 'nullable': true, 'references': 'products'},
            {'name': 'campaign_id', 'type': 'text', 'nullable': true, 'references': 'campaigns'},
            {'name': 'declared_type', 'type': 'text', 'nullable': true},
            {'name': 'stage', 'type': 'stage'},
            {'name': 'amount', 'type': 'decimal', 'nullable': true, 'rules': ['amount < 0']},
            {'name': 'currency', 'type': 'currency'},
            {'name': 'created_at', 'type': 'timestamp'},
            {'name': 'qualified_at', 'type': 'timestamp', 'nullable': true},
            {'name': 'closed_at', 'type': 'timestamp', 'nullable': true, 'rules': [
                "canonical_stage in ('closed_won', 'closed_lost') and closed_at is null",
                'closed_at < created_at',
            ]},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [
            'amount < 0',
            "canonical_stage in ('closed_won', 'closed_lost') and closed_at is null",
            'closed_at < created_at',
        ],
    },
    'interactions': {
        'required': false,
        'primary_key': ['interaction_id'],
        'columns': [
            {'name': 'interaction_id', 'type': 'text'},
            {'name': 'account_id', 'type': 'text', 'references': 'accounts'},
            {'name': 'rep_id', 'type': 'text', 'nullable': true, 'references': 'sales_reps'},
            {'name': 'occurred_at', 'type': 'timestamp'},
            {'name': 'channel', 'type': 'text'},
            {'name': 'interaction_type', 'type': 'enum', 'values': ['service', 'sales']},
            {'name': 'opportunity_id', 'type': 'text', 'nullable': true, 'references': 'opportunities'},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [],
    },
    'product_usage': {
        'required': false,
        'primary_key': ['account_id', 'product_id', 'usage_date'],
        'columns': [
            {'name': 'account_id', 'type': 'text', 'references': 'accounts'},
            {'name': 'product_id', 'type': 'text', 'references': 'products'},
            {'name': 'usage_date', 'type': 'date'},
            {'name': 'usage_count', 'type': 'integer', 'rules': ['usage_count < 0']},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': ['usage_count < 0'],
    },
    'survey_responses': {
        'required': false,
        'primary_key': ['response_id'],
        'columns': [
            {'name': 'response_id', 'type': 'text'},
            {'name': 'account_id', 'type': 'text', 'references': 'accounts'},
            {'name': 'survey_type', 'type': 'enum', 'values': ['csat', 'nps']},
            {'name': 'score', 'type': 'integer', 'rules': [
                "survey_type = 'csat' and (score < 1 or score > 5)",
                "survey_type = 'nps' and (score < 0 or score > 10)",
            ]},
            {'name': 'responded_at', 'type': 'timestamp'},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [
            "survey_type = 'csat' and (score < 1 or score > 5)",
            "survey_type = 'nps' and (score < 0 or score > 10)",
        ],
    },
    'implementations': {
        'required': false,
        'primary_key': ['implementation_id'],
        'columns': [
            {'name': 'implementation_id', 'type': 'text'},
            {'name': 'opportunity_id', 'type': 'text', 'references': 'opportunities'},
            {'name': 'status', 'type': 'enum', 'values': ['in_progress', 'succeeded', 'failed']},
            {'name': 'started_at', 'type': 'timestamp'},
            {'name': 'ended_at', 'type': 'timestamp', 'nullable': true, 'rules': [
                "status in ('succeeded', 'failed') and ended_at is null",
            ]},
            {'name': 'is_deleted', 'type': 'boolean'},
            {'name': '_loaded_at', 'type': 'timestamp', 'nullable': true},
        ],
        'rules': [
            "status in ('succeeded', 'failed') and ended_at is null",
        ],
    },
}) }}
{% endmacro %}


{# Tables in dependency order: parents before children. #}
{% macro crm_table_names() %}
{{ return([
    'sales_reps', 'accounts', 'products', 'orders', 'order_items',
    'campaigns', 'campaign_members', 'opportunities', 'interactions',
    'product_usage', 'survey_responses', 'implementations',
]) }}
{% endmacro %}
