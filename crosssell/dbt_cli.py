"""Run dbt in a subprocess against a chosen raw directory and warehouse.

`run_dbt_logged` is the quiet way for people: dbt's whole log goes to a
file, the terminal gets one line per layer with counts (from dbt's JSON
events) and, on failure, one line per failed node.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from crosssell.target import PROJECT_DIR, Target


@dataclass(frozen=True)
class DbtResult:
    returncode: int
    output: str
    target: Target  # where it ran: manifest, run results, logs
    peak_rss_bytes: int = 0  # the dbt process's peak resident memory (DuckDB runs in it)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def dbt_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    args: list[str],
    raw_dir: Path,
    target: Target,
    extra_env: dict[str, str] | None = None,
    echo: bool = False,
    on_line: Callable[[str], None] | None = None,
) -> DbtResult:
    """Run `dbt <args>` on `target`; output is captured (and echoed when asked).

    `extra_env` adds to the environment, e.g. a server's connection (PGHOST ...).
    """
    env = dict(os.environ)
    env.update(CRM_RAW_DIR=str(raw_dir), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    env.update(target.env())
    env.update(extra_env or {})
    if target.warehouse is not None:
        target.warehouse.parent.mkdir(parents=True, exist_ok=True)
    command = [
        dbt_executable(),
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        *target.dbt_args(),
    ]
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if echo:
            print(line, end="", flush=True)
        if on_line is not None:
            on_line(line)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux
    return DbtResult(process.returncode, "".join(lines), target, usage.ru_maxrss * 1024)


# Layers in the order a build runs them; a node's layer comes from its type
# and, for models, the first folder of its path under models/.
LAYERS = ("seeds", "staging", "intermediate", "marts", "unit tests", "data tests")
_NOUNS = {"seeds": "seeds", "unit tests": "tests", "data tests": "tests"}
_RESULT_EVENTS = {"LogSeedResult", "LogModelResult", "LogTestResult", "SkippingDetails"}
_FAILED = {"error", "fail", "runtime error"}
# header lines of dbt's error messages that say nothing about the cause
_BOILERPLATE = re.compile(
    r"^(encountered an error:|failure in |compiled code at |an error occurred during"
    r"|\S+ error in |\S+ error$|> |\^|line \d+:)",
    re.IGNORECASE,
)


def node_layer(node_info: dict[str, Any]) -> str | None:
    kind = node_info.get("resource_type")
    if kind == "seed":
        return "seeds"
    if kind == "unit_test":
        return "unit tests"
    if kind == "test":
        return "data tests"
    if kind == "model":
        folder = str(node_info.get("node_path", "")).split("/", 1)[0]
        return folder if folder in LAYERS else "marts"
    return None


def first_meaningful_line(message: str) -> str:
    """The line of a dbt error that says what went wrong, without dbt's headers."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    useful = [line for line in lines if not _BOILERPLATE.match(line)]
    # a database error ("Conversion Error: ...") is the cause; prefer it
    chosen = next((line for line in useful if re.match(r"^[A-Z][A-Za-z ]*Error: ", line)), None)
    text = chosen or (useful[0] if useful else (lines[0] if lines else "no message"))
    if text.endswith(":"):
        text += " (see the log)"
    # long enough for our own messages, which name a file path and a var
    return text if len(text) <= 400 else text[:397] + "..."


def _status(raw: str) -> str:
    status = raw.lower()
    if status in ("success", "ok", "pass"):
        return "ok"
    if status in _FAILED:
        return "failed"
    if status in ("skipped", "skip"):
        return "skipped"
    return status  # warn, no-op


@dataclass
class BuildProgress:
    """Follows dbt's JSON events: writes the log file, counts nodes per layer."""

    log: TextIO
    show: Callable[[str], None] = print
    live: bool = False  # a terminal: one progress line, rewritten in place
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # node name -> message
    errors: list[str] = field(default_factory=list)  # not tied to a node
    notes: list[str] = field(default_factory=list)  # the project's own log() messages
    total: int = 0
    _last_shown: float = field(default_factory=time.monotonic)

    def feed(self, line: str) -> None:
        try:
            event = json.loads(line)
            info, data = event["info"], event.get("data", {})
        except (ValueError, KeyError, TypeError):
            self.log.write(line)
            return
        message = str(info.get("msg", ""))
        self.log.write(f"{info.get('ts', '')[11:19]}  {message}\n")
        name, level = info.get("name"), info.get("level")
        node_info = data.get("node_info") or {}
        layer = node_layer(node_info)
        node = _node_name(str(node_info.get("unique_id", "")))
        if name in _RESULT_EVENTS and layer is not None:
            status = _status(str(data.get("status") or node_info.get("node_status") or ""))
            self.counts.setdefault(layer, Counter())[status] += 1
            self.total = max(self.total, int(data.get("total") or 0))
            if status == "failed" and node not in self.failures:
                self.failures[node] = _test_failure(data) or message
            self._tick()
        elif name == "RunResultError" and layer is not None:
            self.failures[node] = message  # the fullest message for the node
        elif name in ("JinjaLogInfo", "JinjaLogWarning") and message.strip():
            self.notes.append(message.strip())
        elif level == "error" and name not in ("MainStackTrace", "RunResultFailure"):
            if layer is None and name not in ("LogHookEndLine",):
                self.errors.append(message)

    def _tick(self) -> None:
        done = sum(sum(counter.values()) for counter in self.counts.values())
        text = f"  {done} of {self.total or '?'} nodes done"
        if self.live:
            self.show(f"\r{text:<60}\r")
        elif time.monotonic() - self._last_shown >= 15:
            self._last_shown = time.monotonic()
            self.show(text)

    def layer_lines(self) -> list[str]:
        lines = []
        for layer in LAYERS:
            counter = self.counts.get(layer)
            if not counter:
                continue
            total = sum(counter.values())
            others = [f"{n} {status}" for status, n in sorted(counter.items()) if status != "ok"]
            noun = _NOUNS.get(layer, "models")
            lines.append(f"  {layer:<13} {total:>4} {noun:<7} {', '.join(others) or 'ok'}")
        return lines

    def note_lines(self) -> list[str]:
        return [f"  {note}" for note in dict.fromkeys(self.notes)]

    def failure_lines(self) -> list[str]:
        lines = [f"  {node}: {first_meaningful_line(text)}" for node, text in self.failures.items()]
        lines += [f"  {first_meaningful_line(text)}" for text in dict.fromkeys(self.errors)]
        return lines


def _node_name(unique_id: str) -> str:
    """model.project.name -> name; unit_test.project.model.test -> test."""
    parts = unique_id.split(".")
    if parts[0] == "unit_test":
        return parts[-1]
    return parts[2] if len(parts) > 2 else unique_id


def _test_failure(data: dict[str, Any]) -> str | None:
    failures = data.get("num_failures")
    if data.get("status") == "fail" and failures is not None:
        return f"{failures} failing row{'s' if failures != 1 else ''}"
    return None


@dataclass(frozen=True)
class LoggedResult:
    result: DbtResult
    progress: BuildProgress
    log_path: Path


def run_dbt_logged(args: list[str], raw_dir: Path, target: Target, log_path: Path) -> LoggedResult:
    """`dbt <args>` with its log in `log_path` and only progress on the terminal."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    live = sys.stdout.isatty()

    def show(text: str) -> None:
        print(text, end="" if live else "\n", flush=True)

    with log_path.open("w", encoding="utf-8") as log:
        progress = BuildProgress(log, show, live)
        result = run_dbt(
            [*args, "--log-format", "json", "--no-use-colors"],
            raw_dir,
            target,
            on_line=progress.feed,
        )
    if live:
        show(f"\r{'':<60}\r")
    return LoggedResult(result, progress, log_path)
