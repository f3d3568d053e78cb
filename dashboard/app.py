"""The dashboard's entry point: `python3 tasks.py dashboard` runs
`streamlit run dashboard/app.py` on the served warehouse (CRM_WAREHOUSE)."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent / "pages"
if str(PAGES_DIR.parent.parent) not in sys.path:  # run by hand: `streamlit run dashboard/app.py`
    sys.path.insert(0, str(PAGES_DIR.parent.parent))

# (file, title, url path); the first page is the home page
PAGES = (
    ("overview.py", "Overview", "overview"),
    ("kpi.py", "KPI explorer", "kpi"),
    ("benchmarks.py", "Benchmarks and targets", "benchmarks"),
    ("affinity.py", "Product affinity", "affinity"),
    ("recommendations.py", "Recommendations", "recommendations"),
    ("quality.py", "Data quality", "quality"),
)


def main() -> None:
    st.set_page_config(page_title="Cross-sell KPIs", layout="wide")
    pages = [
        st.Page(PAGES_DIR / file, title=title, url_path=url_path, default=index == 0)
        for index, (file, title, url_path) in enumerate(PAGES)
    ]
    st.navigation(pages).run()


main()
