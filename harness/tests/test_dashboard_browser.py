"""The dashboard in a real browser: `python -m harness dashboard` serves a
copy of the demo warehouse on a free port, and headless Chromium (Debian's
chromium, driven through chromedriver by Selenium) loads every page.

Each page must render its title and content with no Python exception on
the page and no error in the browser's console; the overview must show
the cross-sell rate of the scorecard; a screenshot of the overview is
saved in the test's folder and as logs/dashboard-overview.png.

Chromium and chromedriver come from Debian's packages (chromium,
chromium-driver): the test installs them when they are missing. It skips
only where they cannot be installed (no apt-get, or not root and no sudo);
under CI (CI set) a failed install fails the test.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from crosssell.target import PROJECT_DIR
from crosssell.warehouse import format_value

# (url path, title of the page, what marks it as rendered)
PAGES = (
    ("", "Cross-sell KPIs", '[data-testid="stMetricValue"]'),
    ("kpi", "Cross-sell rate", '[data-testid="stDataFrame"]'),
    ("benchmarks", "Benchmarks and targets", '[data-testid="stDataFrame"]'),
    ("affinity", "Product affinity", '[data-testid="stDataFrame"]'),
    ("quality", "Data quality", '[data-testid="stDataFrame"]'),
)
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,2400",
)
SCREENSHOT = PROJECT_DIR / "logs" / "dashboard-overview.png"
WAIT_SECONDS = 60


def _browser() -> tuple[str, str]:
    """Debian's chromium and chromedriver, installed when missing."""
    found = shutil.which("chromium"), shutil.which("chromedriver")
    if all(found):
        return found  # type: ignore[return-value]
    reason = None
    if not shutil.which("apt-get"):
        reason = "no apt-get to install Debian's chromium and chromium-driver"
    elif os.geteuid() != 0 and not shutil.which("sudo"):
        reason = "not root and no sudo: cannot install Debian's chromium and chromium-driver"
    if reason is None:
        from harness.debian import install_packages

        try:
            install_packages("chromium", "chromium-driver")
        except (OSError, subprocess.CalledProcessError) as error:
            reason = f"installing chromium and chromium-driver failed: {error}"
    found = shutil.which("chromium"), shutil.which("chromedriver")
    if all(found):
        return found  # type: ignore[return-value]
    message = f"Chromium is needed for the browser test: {reason or 'not found after install'}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the dashboard stopped (exit {server.returncode}): {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the dashboard did not answer within {WAIT_SECONDS} s: {log.read_text()}")


@pytest.fixture(scope="module")
def served_copy(bad_rows_demo, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("browser") / "served.duckdb"
    shutil.copyfile(bad_rows_demo.warehouse.path, copy)
    return copy


@pytest.fixture(scope="module")
def dashboard_url(served_copy: Path) -> Iterator[str]:
    """`python -m harness dashboard` on a free port; stopped with its process group."""
    port = _free_port()
    log = served_copy.parent / "dashboard.log"
    env = dict(os.environ, CRM_WAREHOUSE=str(served_copy), PYTHONPATH=str(PROJECT_DIR))
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "harness", "dashboard", "--port", str(port)],
            cwd=PROJECT_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_healthy(url, server, log)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Iterator[object]:
    chromium, chromedriver = _browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium_profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(chromedriver))
    try:
        yield browser
    finally:
        browser.quit()


def page_errors(entries: list[dict]) -> list[str]:
    """Console errors, less the 404s of Streamlit's own start-up probe: on a
    page's own URL (/kpi) it first asks for /kpi/_stcore/health and
    /kpi/_stcore/host-config, then finds the server's root."""

    def probe(entry: dict) -> bool:
        message = entry["message"]
        return entry.get("source") == "network" and "/_stcore/" in message and "404" in message

    return [e["message"] for e in entries if e["level"] == "SEVERE" and not probe(e)]


def metric_value(driver, label: str) -> str | None:
    """The value shown on the metric card with this label, or None while the
    card (or its value) has not rendered yet."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    try:
        for card in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
            labels = card.find_elements(By.CSS_SELECTOR, '[data-testid="stMetricLabel"]')
            values = card.find_elements(By.CSS_SELECTOR, '[data-testid="stMetricValue"]')
            if labels and values and labels[0].text == label and values[0].text:
                return values[0].text
    except StaleElementReferenceException:
        return None
    return None


def test_every_page_renders_in_chromium(dashboard_url, driver, served_copy, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with duckdb.connect(str(served_copy), read_only=True) as connection:
        rate = connection.execute(
            "select value from marts.kpi_scorecard where kpi_id = 'cross_sell_rate' "
            "and grain = 'quarter' and dimension = 'overall' and period_start = ("
            "select max(period_start) from marts.kpi_scorecard where grain = 'quarter' "
            "and dimension = 'overall' and is_fully_covered)"
        ).fetchone()[0]
    known = format_value(rate, "percent")
    seconds = {}
    for path, title, content in PAGES:
        started = time.monotonic()
        driver.get(dashboard_url + path)
        wait = WebDriverWait(driver, WAIT_SECONDS)
        wait.until(lambda d, t=title: t in [h.text for h in d.find_elements(By.TAG_NAME, "h1")])
        wait.until(lambda d, c=content: d.find_elements(By.CSS_SELECTOR, c))
        seconds[path or "overview"] = time.monotonic() - started
        exceptions = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
        assert not exceptions, (path, [e.text for e in exceptions])
        assert page_errors(driver.get_log("browser")) == [], path
        if not path:
            # the cards render one after another: wait for the one we check
            value = wait.until(lambda d: metric_value(d, "Cross-sell rate"))
            assert value == known
            time.sleep(1)  # let the trend charts draw
            driver.save_screenshot(str(tmp_path / "overview.png"))
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tmp_path / "overview.png", SCREENSHOT)
    assert (tmp_path / "overview.png").stat().st_size > 10_000
    # the dashboard holds no lock: a writer gets the file while it serves
    duckdb.connect(str(served_copy)).close()
    print("page load seconds:", {page: round(s, 1) for page, s in seconds.items()})
