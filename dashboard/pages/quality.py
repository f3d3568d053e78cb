"""Data quality: every raw row accounted for, the rejected share per table,
the commonest rejection reasons, and the KPIs a missing table switches off."""

from __future__ import annotations

import streamlit as st

from dashboard.labels import format_number
from dashboard.views import count_column, guarded, load, names

ALERT_MARK = {"ok": "ok", "warn": "warning", "error": "error"}


def render() -> None:
    st.title("Data quality")
    reconciliation = load("reconciliation")
    totals = reconciliation[["raw_rows", "loaded", "rejected"]].sum()
    for column, (label, key) in zip(
        st.columns(3),
        (("Raw rows", "raw_rows"), ("Loaded", "loaded"), ("Rejected", "rejected")),
        strict=True,
    ):
        column.metric(label, format_number(float(totals[key])), border=True)
    st.header("Reconciliation")
    st.caption("Per raw table: raw rows = loaded + superseded + deleted + rejected.")
    st.dataframe(
        reconciliation,
        hide_index=True,
        column_config={
            "table_name": "Table",
            "raw_rows": count_column("Raw rows"),
            "loaded": count_column("Loaded"),
            "superseded": count_column("Superseded"),
            "deleted": count_column("Deleted"),
            "rejected": count_column("Rejected"),
            "dangling_optional_references": count_column("Dangling optional keys"),
        },
        key="reconciliation_table",
    )
    share = load("rejected_share")
    if not share.empty:
        st.header("Rejected share")
        st.dataframe(
            share.assign(alert_level=share["alert_level"].map(lambda a: ALERT_MARK.get(a, a))),
            hide_index=True,
            column_config={
                "table_name": "Table",
                "raw_rows": count_column("Raw rows"),
                "rejected": count_column("Rejected"),
                "rejected_share": st.column_config.NumberColumn("Rejected share", format="percent"),
                "alert_level": "Alert",
                "main_reason": "Main reason",
                "main_columns": "Its columns",
            },
            key="share_table",
        )
    st.header("Top rejection reasons")
    reasons = load("top_rejection_reasons")
    if reasons.empty:
        st.success("No raw row was rejected.")
    else:
        st.dataframe(
            reasons,
            hide_index=True,
            column_config={
                "table_name": "Table",
                "reason": "Reason",
                "failed_columns": "Columns",
                "rejected_rows": count_column("Rejected rows"),
            },
            key="reasons_table",
        )
    unavailable = load("unavailable_kpis")
    st.header("KPI availability")
    if unavailable.empty:
        st.success("Every KPI of the catalogue has its raw tables.")
    else:
        kpi_names = names()
        for row in unavailable.to_dict("records"):
            st.warning(
                f"{kpi_names.get(row['kpi_id'], row['kpi_id'])}: unavailable, "
                f"needs raw table(s) {row['missing_tables']}"
            )


guarded(render)
