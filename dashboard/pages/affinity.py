"""Product affinity: which products accounts buy after which."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.views import count_column, guarded, load, value_column

ALL = "All products"


def product_label(product_id: str, name: object) -> str:
    return f"{name} ({product_id})" if isinstance(name, str) and name else product_id


def heatmap(pairs: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(pairs)
        .mark_rect()
        .encode(
            x=alt.X("target:N", title="bought after"),
            y=alt.Y("anchor:N", title="first bought"),
            color=alt.Color(
                "affinity_rate:Q", title="% of owners", scale=alt.Scale(scheme="teals")
            ),
            tooltip=[
                alt.Tooltip("anchor:N", title="first bought"),
                alt.Tooltip("target:N", title="then bought"),
                alt.Tooltip("affinity_rate:Q", title="% of owners", format=".1f"),
                alt.Tooltip("a_then_b:Q", title="accounts"),
            ],
        )
    )


def render() -> None:
    st.title("Product affinity")
    st.caption(
        "Of the accounts that bought the first product, the share whose first purchase "
        "of the second came later. Pairs seen in fewer accounts than the var "
        "`affinity_min_accounts` are left out."
    )
    pairs = load("affinity")
    if pairs.empty:
        st.info("No product pair is common enough yet.")
        return
    pairs = pairs.assign(
        anchor=[
            product_label(i, n)
            for i, n in zip(pairs["anchor_product_id"], pairs["anchor_name"], strict=True)
        ],
        target=[
            product_label(i, n)
            for i, n in zip(pairs["target_product_id"], pairs["target_name"], strict=True)
        ],
    )
    anchors = [ALL, *sorted(pairs["anchor"].unique())]
    anchor = st.sidebar.selectbox("First bought", anchors, key="anchor")
    shown = pairs if anchor == ALL else pairs[pairs["anchor"] == anchor]
    st.altair_chart(heatmap(shown))
    st.dataframe(
        shown[["anchor", "target", "owners_a", "a_then_b", "affinity_rate"]],
        hide_index=True,
        column_config={
            "anchor": "First bought",
            "target": "Then bought",
            "owners_a": count_column("Accounts with the first"),
            "a_then_b": count_column("Of those, bought the second later"),
            "affinity_rate": value_column("Affinity", "percent"),
        },
        key="affinity_table",
    )


guarded(render)
