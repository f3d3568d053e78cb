"""The KPI dashboard (Streamlit) and the static report of the served warehouse."""
