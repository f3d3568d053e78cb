"""Shared fixtures and helpers of the harness tests.

A dbt build costs 15 to 25 s even on a tiny raw folder (dbt's fixed cost
per node and per run), so builds are made once and shared. Treat every
shared warehouse and raw folder as read-only: copy it before changing it.

Fixtures (all session-scoped):

build_raw(raw_dir, name, args=DATA_BUILD) -> Warehouse
    `dbt <args>` of any raw folder into a fresh DuckDB file (default: every
    model and data test, no unit tests). Warehouse has .path, .result (a
    DbtResult: .ok, .output), .rows(sql) and .kpi(...). The build runs at a
    fixed path under target/ and the file then moves to a folder of its own:
    dbt keeps its parse (partial parsing) only while the warehouse path
    stays the same, and a full parse costs about 5 s a build. The file is
    named after the slot (slot1.duckdb), not after `name`; dbt's
    run_results.json is copied next to it (the slot's target folder,
    target/slot1, serves the next build).
builds -> Builds
    named builds run once each; `builds.get(name)` returns the result of the
    recipe registered with `@recipe(name)`. Recipes used by the selected
    tests start at the beginning of the session, one at a time on a
    background thread, and the tests that need none run first (see
    pytest_collection_modifyitems); a test that needs a build that has not
    started yet makes it itself, and while it waits for one under way it
    makes the next one queued.
handmade -> Warehouse
    the hand-made CRM of handmade_crm.py (every figure worked out by hand
    in test_e2e_handmade.py), DATA_BUILD.
bad_rows_demo -> DemoBuild(raw_dir, tables, warehouse)
    the demo data (generate(): 3000 accounts, seed 42) with every bad-input
    case (bad_rows=True) and its DuckDB build. `python -m harness test`
    passes the raw folder and the warehouse of its own build step (a full
    dbt build, unit tests included) in CRM_TEST_DEMO_RAW_DIR and
    CRM_TEST_DEMO_WAREHOUSE; without them the fixture generates and builds
    (DATA_BUILD). `warehouse.result.output` is empty when reused.
postgres_server -> PostgresServer
    one throwaway PostgreSQL server (harness.postgres) for the session.
project_manifest -> dict
    dbt's manifest.json of the project (default vars): the one the test
    command's build left in its target folder (CRM_TEST_DEMO_WAREHOUSE's
    Target), else the manifest of a `dbt parse` into a temporary folder.

To add a shared build: write `@recipe("name") def _name(factory: Factory)`
returning the build, and a fixture `def name(builds): return builds.get("name")`
(see test_optional_tables.py for several builds behind one fixture, and
test_refresh.py's small_demo for `run_first=True`: a build whose tests
should run among the first, as they do work of their own in the meantime).
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from crosssell.dbt_cli import DbtResult, run_dbt
from crosssell.target import DEMO_RAW_DIR, PROJECT_DIR, Target
from crosssell.warehouse import fetch_rows
from harness.generator import COLUMNS, Tables, build_tables, generate

# Every model and data test. Unit tests do not depend on the raw data: the
# check command runs them once, in its dbt build on the demo data.
DATA_BUILD = ["build", "--exclude", "test_type:unit"]
# Four customers buy no product pair often enough for product_affinity's
# default threshold (5 accounts); with 1 every pair the tests work out stays.
HANDMADE_VARS = "{affinity_min_accounts: 1}"
# Where builds run before their file moves to its own folder; one slot per
# build running at the same time (the background thread and the tests).
BUILD_SLOTS = [PROJECT_DIR / "target" / "pytest_builds" / f"slot{n}.duckdb" for n in (1, 2)]
DEMO_RAW_ENV, DEMO_WAREHOUSE_ENV = "CRM_TEST_DEMO_RAW_DIR", "CRM_TEST_DEMO_WAREHOUSE"


def write_raw(raw_dir: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    """One CSV per table with the contract's columns; missing values empty."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        with (raw_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[table], lineterminator="\n")
            writer.writeheader()
            for row in rows:
                unknown = set(row) - set(COLUMNS[table])
                assert not unknown, f"{table}: {unknown}"
                writer.writerow(row)


class Warehouse:
    def __init__(self, path: Path, result: DbtResult) -> None:
        self.path = path
        self.result = result

    def rows(self, sql: str) -> list[dict[str, Any]]:
        return fetch_rows(self.path, sql)

    def kpi(
        self,
        kpi_id: str,
        grain: str,
        period_start: str,
        dimension: str = "overall",
        dimension_value: str = "all",
    ) -> dict[str, Any]:
        found = self.rows(
            "select * from marts.kpi_scorecard "
            f"where kpi_id = '{kpi_id}' and grain = '{grain}' "
            f"and period_start = date '{period_start}' and dimension = '{dimension}' "
            f"and dimension_value = '{dimension_value}'"
        )
        assert len(found) == 1, (kpi_id, grain, period_start, dimension, dimension_value, found)
        return found[0]


@dataclass(frozen=True)
class DemoBuild:
    raw_dir: Path
    tables: Tables
    warehouse: Warehouse


@contextmanager
def _build_slot() -> Iterator[Path]:
    """A free fixed build path, held (file lock) until the build is done."""
    BUILD_SLOTS[0].parent.mkdir(parents=True, exist_ok=True)
    while True:
        for slot in BUILD_SLOTS:
            with open(f"{slot}.lock", "a") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                yield slot
                return
        time.sleep(0.2)


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}.wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(f"{path}.tmp", ignore_errors=True)


def build_into(folder: Path, raw_dir: Path, args: list[str] | None = None) -> Warehouse:
    """`dbt <args>` of raw_dir at a fixed path; the file then moves into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    with _build_slot() as slot:
        _remove_database(slot)
        result = run_dbt(args or DATA_BUILD, raw_dir, Target.duckdb(slot))
        for suffix in ("", ".wal"):
            if Path(f"{slot}{suffix}").exists():
                os.replace(f"{slot}{suffix}", folder / f"{slot.name}{suffix}")
        _remove_database(slot)
        # the slot's target folder serves the next build: keep the results
        run_results = result.target.run_results_path
        if run_results.exists():
            shutil.copyfile(run_results, folder / "run_results.json")
    return Warehouse(folder / slot.name, result)


class Factory:
    """What a recipe gets: fresh folders, builds, and the other named builds."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory, builds: Builds) -> None:
        self._tmp = tmp_path_factory
        self.builds = builds

    def mktemp(self, name: str) -> Path:
        return self._tmp.mktemp(name)

    def build(self, raw_dir: Path, name: str, args: list[str] | None = None) -> Warehouse:
        return build_into(self._tmp.mktemp(name), raw_dir, args)


RECIPES: dict[str, Callable[[Factory], Any]] = {}
# fixture name -> the recipes to start when a selected test uses that fixture
STARTED_BY: dict[str, list[str]] = {}


# fixtures of the first background builds: tests that need only these run first
RUN_FIRST_WITH: set[str] = set()


def recipe(
    name: str, fixture: str | None = None, run_first: bool = False
) -> Callable[[Callable[[Factory], Any]], Callable[[Factory], Any]]:
    """Register a named build for `builds.get(name)`; the background thread
    starts it when a selected test uses the fixture `fixture` (default: name).
    run_first: a build needed early (the tests that need only such builds
    run with the tests that need none, see pytest_collection_modifyitems)."""

    def register(function: Callable[[Factory], Any]) -> Callable[[Factory], Any]:
        RECIPES[name] = function
        STARTED_BY.setdefault(fixture or name, []).append(name)
        if run_first:
            RUN_FIRST_WITH.add(fixture or name)
        return function

    return register


class Builds:
    """Named builds, each made once: by the background thread, in the order
    they were started, or by a test that needs one first. A test waiting for
    a build that is under way makes the next waiting one meanwhile."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.factory = Factory(tmp_path_factory, self)
        self.cleanup = ExitStack()  # closed at the end of the session
        self._futures: dict[str, Future[Any]] = {}
        self._waiting: list[str] = []
        self._closed = False
        self._changed = threading.Condition()
        self._worker = threading.Thread(target=self._work, name="builds", daemon=True)
        self._worker.start()

    def start(self, name: str) -> None:
        """Queue the build for the background thread (if not known yet)."""
        with self._changed:
            if name not in self._futures:
                self._futures[name] = Future()
                self._waiting.append(name)
                self._changed.notify()

    def _next(self, name: str | None = None) -> str | None:
        """Take `name` (or the first) off the queue, if it is still waiting."""
        with self._changed:
            if name is not None and name not in self._futures:
                self._futures[name] = Future()
                return name
            if name is None and self._waiting:
                return self._waiting.pop(0)
            if name in self._waiting:
                self._waiting.remove(name)
                return name
            return None

    def _make(self, name: str) -> None:
        future = self._futures[name]
        try:
            future.set_result(RECIPES[name](self.factory))
        except BaseException as error:  # raised again by get()
            future.set_exception(error)

    def _work(self) -> None:
        while True:
            with self._changed:
                while not self._waiting and not self._closed:
                    self._changed.wait()
                if self._closed:
                    return
                name = self._waiting.pop(0)
            self._make(name)

    def get(self, name: str) -> Any:
        if self._next(name) == name:
            self._make(name)
        future = self._futures[name]
        while not future.done():
            other = self._next()
            if other is None:
                break
            self._make(other)
        return future.result()

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._waiting.clear()
            self._changed.notify()
        self._worker.join()
        self.cleanup.close()


@pytest.fixture(scope="session")
def builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    # make the session's temporary root before the background thread starts:
    # two threads creating it at once make two roots, and a tmp_path of the
    # other then fails ("is not a normalized and relative path")
    tmp_path_factory.getbasetemp()
    found = Builds(tmp_path_factory)
    # start the builds the selected tests need, in the order they need them
    for item in request.session.items:
        for fixture in getattr(item, "fixturenames", ()):
            for name in STARTED_BY.get(fixture, ()):
                found.start(name)
    yield found
    found.close()


@pytest.fixture(scope="session", autouse=True)
def _start_builds(builds: Builds) -> None:
    """Every session starts the background builds at once."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need no background build (or only the first ones) run
    first, in their order, so the background thread builds while they run."""

    def waits_for_a_build(item: pytest.Item) -> bool:
        fixtures = set(getattr(item, "fixturenames", ())) - RUN_FIRST_WITH
        return any(fixture in STARTED_BY for fixture in fixtures)

    items.sort(key=waits_for_a_build)


@pytest.fixture(scope="session")
def build_raw(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Warehouse]:
    """Build a raw directory into a fresh warehouse (dbt build, all data tests)."""

    def build(raw_dir: Path, name: str, args: list[str] | None = None) -> Warehouse:
        return build_into(tmp_path_factory.mktemp(name), raw_dir, args)

    return build


@recipe("handmade", run_first=True)
def _handmade(factory: Factory) -> Warehouse:
    from harness.tests.handmade_crm import HANDMADE

    raw_dir = factory.mktemp("handmade_raw")
    write_raw(raw_dir, HANDMADE)
    return factory.build(raw_dir, "handmade", [*DATA_BUILD, "--vars", HANDMADE_VARS])


@pytest.fixture(scope="session")
def handmade(builds: Builds) -> Warehouse:
    """The hand-made CRM of handmade_crm.py, built once for the whole session."""
    warehouse = builds.get("handmade")
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse


@recipe("bad_rows_demo", run_first=True)
def _bad_rows_demo(factory: Factory) -> DemoBuild:
    raw, built = os.environ.get(DEMO_RAW_ENV), os.environ.get(DEMO_WAREHOUSE_ENV)
    if raw and built:
        return DemoBuild(
            Path(raw),
            build_tables(bad_rows=True),
            Warehouse(Path(built), DbtResult(0, "", Target.duckdb(Path(built)))),
        )
    raw_dir = factory.mktemp("demo_raw")
    tables = generate(raw_dir, bad_rows=True)
    return DemoBuild(raw_dir, tables, factory.build(raw_dir, "demo"))


@pytest.fixture(scope="session")
def bad_rows_demo(builds: Builds) -> DemoBuild:
    """The demo data with every bad-input case, and its DuckDB build."""
    demo = builds.get("bad_rows_demo")
    assert demo.warehouse.result.ok, demo.warehouse.result.output[-3000:]
    return demo


@recipe("postgres_server")
def _postgres_server(factory: Factory) -> Any:
    from harness.postgres import postgres_server

    return factory.builds.cleanup.enter_context(postgres_server())


@pytest.fixture(scope="session")
def postgres_server(builds: Builds) -> Any:
    """One throwaway PostgreSQL server for the session."""
    return builds.get("postgres_server")


@pytest.fixture(scope="session")
def project_manifest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    built = os.environ.get(DEMO_WAREHOUSE_ENV)
    if built and Target.duckdb(Path(built)).manifest_path.exists():
        return json.loads(Target.duckdb(Path(built)).manifest_path.read_text())
    folder = tmp_path_factory.mktemp("project_parse")
    parse = Target.duckdb(folder / "parse.duckdb", target_dir=folder / "target")
    result = run_dbt(["parse"], DEMO_RAW_DIR, parse)
    assert result.ok, result.output[-3000:]
    return json.loads(parse.manifest_path.read_text())
