"""What operators run: build, scheduled refresh, KPI summary, docs and dashboard.

The dbt runner (`crosssell.dbt_cli`, with `crosssell.target.Target` naming
where a run builds and writes), the served warehouse (opening it read-only,
its lock, the refresh that swaps a new file in), and the raw files and their
contract. Development and CI tooling (demo data, benchmark, other engines,
the test command) lives in the `harness` package, which imports from here,
never the other way round.
"""
