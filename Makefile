.DEFAULT_GOAL := help
PY := .venv/bin/python

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

demo: ## set up, build the warehouse on the demo data, print the KPIs (ARGS as for build)
	python3 tasks.py demo $(ARGS)

test: ## set up and run every check (what CI runs)
	python3 tasks.py test

generate: ## write the demo data (add ARGS="--bad-rows --accounts 20000")
	python3 tasks.py generate $(ARGS)

refresh: ## safe refresh of the served warehouse (build aside, atomic replace; ARGS as for build)
	python3 tasks.py refresh $(ARGS)

benchmark: ## full build + one-day refresh at 20,000 and 200,000 accounts (not part of test)
	python3 tasks.py benchmark $(ARGS)

test-spark: ## the Spark checks (second CI step): three engines, same scorecard
	python3 tasks.py test-spark

engines: ## demo data on DuckDB, Postgres and Spark: build times, scorecards compared
	python3 tasks.py engines

build: ## dbt build against CRM_RAW_DIR into CRM_WAREHOUSE (add ARGS="--vars '{as_of_date: 2025-12-31}'")
	python3 tasks.py build $(ARGS)

lint: ## sqlfluff and ruff
	.venv/bin/sqlfluff lint models tests analyses
	.venv/bin/ruff check harness crosssell dashboard examples tasks.py

fmt: ## format Python and fix SQL layout
	.venv/bin/ruff format harness crosssell dashboard examples tasks.py
	.venv/bin/sqlfluff fix models tests analyses

e2e: ## the pytest end-to-end checks only
	$(PY) -m pytest -m "not spark" harness/tests

docs: ## dbt docs of the served warehouse (read-only) as a static site in target/docs/
	python3 tasks.py docs

dashboard: ## the KPI dashboard of the served warehouse at http://localhost:8501 (read-only)
	python3 tasks.py dashboard $(ARGS)

report: ## the overview as one self-contained HTML file in reports/
	python3 tasks.py report $(ARGS)

summary: ## print the KPI summary of the built warehouse
	python3 tasks.py summary

.PHONY: help demo test test-spark engines generate refresh build lint fmt e2e docs summary dashboard report
