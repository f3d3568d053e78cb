"""Recommendations: pick a rep, see their customers' next products with reasons."""

from __future__ import annotations

import streamlit as st

from dashboard.views import count_column, guarded, load, value_column

COLUMNS = ["account_id", "recommendation_rank", "product_id", "product_name", "score", "reason"]


def render() -> None:
    st.title("Next-product recommendations")
    st.caption(
        "For each current customer, the active products it does not own that most buyers "
        "of one of its products bought next (docs/recommendations.md). Ids only: look the "
        "account up in the CRM."
    )
    reps = load("recommendation_reps")
    if reps.empty:
        st.info("No recommendations yet: no customer owns a product with a common next product.")
        return
    labels = {
        row.owner_rep_id: f"{row.owner_rep_id} ({row.customers:,} customers)"
        for row in reps.itertuples()
    }
    rep = st.sidebar.selectbox(
        "Sales rep", list(labels), key="rep", format_func=lambda rep_id: labels[rep_id]
    )
    rows = load("recommendations", rep)
    st.markdown(
        f"**{rep}**: {rows['account_id'].nunique():,} customers, "
        f"as of {rows['as_of_date'].iloc[0]}."
    )
    st.dataframe(
        rows[
            ["account_id", "recommendation_rank", "product_id", "product_name", "score", "reason"]
        ],
        hide_index=True,
        column_config={
            "account_id": "Account",
            "recommendation_rank": count_column("Rank"),
            "product_id": "Product",
            "product_name": "Product name",
            "score": value_column("Score", "percent"),
            "reason": "Why",
        },
        key="recommendations_table",
    )


guarded(render)
