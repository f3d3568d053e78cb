"""The demo CRM written in the shapes other CRMs land in (one module per CRM)."""

from __future__ import annotations

from pathlib import Path

CRMS = ("salesforce", "hubspot")


def write_crm_demo(
    crm: str, out_dir: Path, accounts: int, seed: int, bad_rows: bool = False
) -> dict[str, object]:
    """Write the demo landed the way `crm` lands it; the dbt vars to build it with."""
    if crm == "salesforce":
        from harness.crm_shapes.salesforce import EQUIVALENCE_VARS, write_salesforce_demo

        write_salesforce_demo(out_dir, accounts=accounts, seed=seed, bad_rows=bad_rows)
        return dict(EQUIVALENCE_VARS)
    if crm == "hubspot":
        from harness.crm_shapes.hubspot import DEMO_VARS, write_hubspot_demo

        write_hubspot_demo(out_dir, accounts=accounts, seed=seed, bad_rows=bad_rows)
        return dict(DEMO_VARS)
    raise ValueError(f"unknown CRM {crm!r}: expected one of {', '.join(CRMS)}")
