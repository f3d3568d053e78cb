"""The demo's bad-input cases, read from harness/bad_rows.yml.

The generator appends one raw row per case (`--bad-rows`); the list in
docs/raw-contract.md is written from the same file:

    python -m harness.bad_rows    # rewrites that list when the cases changed
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from crosssell.contract import load_contract
from crosssell.target import PROJECT_DIR

CASES_FILE = Path(__file__).with_name("bad_rows.yml")
DOC = PROJECT_DIR / "docs" / "raw-contract.md"
DOC_BEGIN = "<!-- the bad-row cases: `python -m harness.bad_rows` writes them from bad_rows.yml -->"
DOC_END = "<!-- end of the bad-row cases -->"

# what happens to a raw row that is not rejected
KEPT = ("loaded", "superseded", "deleted")
REASONS = (
    "missing_primary_key",
    "conflicting_duplicate",
    "missing_required_field",
    "invalid_value",
    "unknown_currency",
    "unmapped_stage",
    "orphan_reference",
)


@dataclass(frozen=True)
class BadRowCase:
    table: str
    outcome: str  # a rejection reason, or one of KEPT
    what: str  # what is wrong with the row, for people
    values: dict[str, str]  # column -> raw text; columns left out are empty

    @property
    def rejected(self) -> bool:
        return self.outcome in REASONS


def _text(value: object, where: str) -> str:
    # bool is an int: a YAML true/false must be quoted to mean the text
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    kind = type(value).__name__
    raise ValueError(f"{where}: {value!r} is a {kind}; quote it in {CASES_FILE.name}")


def load_cases(path: Path = CASES_FILE) -> list[BadRowCase]:
    """The cases in file order, each with its template applied."""
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    templates: dict[str, dict[str, Any]] = document.get("templates") or {}
    cases = []
    for number, case in enumerate(document["cases"], start=1):
        where = f"{path.name} case {number} ({case.get('table')})"
        if case["outcome"] not in (*REASONS, *KEPT):
            raise ValueError(f"{where}: unknown outcome {case['outcome']!r}")
        merged = {**templates[case["like"]], **case["values"]} if "like" in case else case["values"]
        values = {column: _text(value, f"{where}.{column}") for column, value in merged.items()}
        cases.append(BadRowCase(case["table"], case["outcome"], case["what"], values))
    return cases


def _record_key(case: BadRowCase, primary_key: list[str]) -> str:
    """The key as data_quality_rejected_rows shows it: its values joined with |."""
    key = "|".join(case.values.get(column, "") for column in primary_key)
    # a | inside a table cell must be escaped, code span or not
    return f"`{key.replace('|', chr(92) + '|')}`" if key.strip() else "(empty)"


def doc_table(cases: list[BadRowCase] | None = None) -> str:
    """The markdown list of the cases that docs/raw-contract.md carries."""
    cases = load_cases() if cases is None else cases
    contract = load_contract()
    lines = ["| table | record key | what is wrong | outcome |", "|---|---|---|---|"]
    for case in cases:
        outcome = f"rejected, `{case.outcome}`" if case.rejected else case.outcome
        key = _record_key(case, contract[case.table]["primary_key"])
        lines.append(f"| {case.table} | {key} | {case.what} | {outcome} |")
    return "\n".join(lines)


def doc_with_cases(text: str, table: str) -> str:
    """`text` with what stands between the two markers replaced by `table`."""
    if text.count(DOC_BEGIN) != 1 or text.count(DOC_END) != 1:
        raise ValueError(f"{DOC.name} needs the markers {DOC_BEGIN!r} and {DOC_END!r} once each")
    before, rest = text.split(DOC_BEGIN)
    _, after = rest.split(DOC_END)
    return f"{before}{DOC_BEGIN}\n{table}\n{DOC_END}{after}"


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    wanted = doc_with_cases(text, doc_table())
    shown = DOC.relative_to(PROJECT_DIR)
    if wanted == text:
        print(f"{shown}: the bad-row cases are up to date")
        return 0
    DOC.write_text(wanted, encoding="utf-8")
    print(f"rewrote the bad-row cases in {shown} from {CASES_FILE.relative_to(PROJECT_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
