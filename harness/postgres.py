"""A throwaway PostgreSQL server for the tests, and the raw-file loader.

`postgres_server()` installs the server from Debian packages when no
`initdb` is found (CI machines start bare), creates a cluster in a fresh
temporary directory, starts it on a free loopback port with its own socket
directory and stops it (and deletes the directory) on exit. initdb refuses
to run as root, so as root the server programs run as the `postgres` user.

Roles in the cluster (local trust authentication, loopback only):
  dbt_builder  owns the `cross_sell` database; dbt builds as this role
  bi_reader    what BI tools log in as; dbt grants it the marts only

`load_raw(raw_dir, connection, schema)` replaces the raw schema with one
text table per raw file (crosssell.raw_files), read by DuckDB so every file
format the DuckDB target reads loads the same way.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from crosssell.raw_files import connector_column_name, raw_files
from harness.debian import install_packages

DATABASE = "cross_sell"
BUILDER = "dbt_builder"
BI_READER = "bi_reader"
RAW_SCHEMA = "raw_crm"


@dataclass(frozen=True)
class PostgresServer:
    port: int
    data_dir: Path
    database: str = DATABASE

    def other_database(self, name: str) -> PostgresServer:
        """The same server with a new, empty database of the builder's: a second
        build that leaves this one's schemas alone."""
        import psycopg2

        admin = psycopg2.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres"
        )
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f"create database {name} owner {BUILDER}")
        admin.close()
        return PostgresServer(self.port, self.data_dir, name)

    def env(self, user: str = BUILDER) -> dict[str, str]:
        """libpq variables, read by psql, psycopg2 and the dbt profile."""
        return {
            "PGHOST": "127.0.0.1",
            "PGPORT": str(self.port),
            "PGUSER": user,
            "PGDATABASE": self.database,
            "PGPASSWORD": "",
            "PGTZ": "UTC",
        }

    def connect(self, user: str = BUILDER):  # noqa: ANN201 (psycopg2 connection)
        import psycopg2

        connection = psycopg2.connect(
            host="127.0.0.1", port=self.port, user=user, dbname=self.database
        )
        connection.autocommit = True
        return connection


def _bin_dir() -> Path | None:
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _install_server() -> Path:
    install_packages("postgresql")
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("postgresql installed, but no initdb found")
    return bin_dir


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = _bin_dir() or _install_server()
    root = Path(tempfile.mkdtemp(prefix="crm-postgres-"))
    data_dir, socket_dir = root / "data", root / "socket"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket_dir, "postgres")
    port = _free_port()
    quiet = {"check": True, "stdout": subprocess.DEVNULL}
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data_dir),
                    "--locale=C.UTF-8",
                    "--encoding=UTF8",
                    "--auth=trust",
                    "--username=postgres",
                ]
            ),
            **quiet,
        )
        options = (
            f"-p {port} -k {socket_dir} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c timezone=UTC"
        )
        pg_ctl = str(bin_dir / "pg_ctl")
        subprocess.run(
            _as_server_user(
                [pg_ctl, "-D", str(data_dir), "-o", options, "-l", str(root / "log"), "-w", "start"]
            ),
            **quiet,
        )
        server = PostgresServer(port, data_dir)
        try:
            _create_roles(server)
            yield server
        finally:
            subprocess.run(
                _as_server_user([pg_ctl, "-D", str(data_dir), "-m", "fast", "-w", "stop"]),
                **quiet,
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _create_roles(server: PostgresServer) -> None:
    import psycopg2

    admin = psycopg2.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f"create role {BUILDER} login")
        cursor.execute(f"create role {BI_READER} login")
        cursor.execute(f"create database {DATABASE} owner {BUILDER}")
    admin.close()


def connect_from_environment():  # noqa: ANN201 (psycopg2 connection)
    """A connection to the server named by the libpq variables (PGHOST, ...)."""
    import psycopg2

    connection = psycopg2.connect(dbname=os.environ.get("PGDATABASE", DATABASE))
    connection.autocommit = True
    return connection


def load_raw(raw_dir: Path, connection, schema: str = RAW_SCHEMA) -> dict[str, int]:  # noqa: ANN001
    """Replace `schema` with one all-text table per raw file; rows per table."""
    loaded: dict[str, int] = {}
    with connection.cursor() as cursor, tempfile.TemporaryDirectory() as scratch:
        cursor.execute(f"drop schema if exists {schema} cascade")
        cursor.execute(f"create schema {schema}")
        for raw in raw_files(raw_dir):
            table, reader = raw.table, raw.duckdb_reader()
            relation = duckdb.sql(f"select * from {reader}")
            # named as a connector lands them: an API-name export (AccountId) too
            columns = [f'"{connector_column_name(name)}" text' for name in relation.columns]
            # quoted: a CRM's table may be a reserved word (Salesforce's order)
            cursor.execute(f'create table {schema}."{table}" ({", ".join(columns)})')
            extract = Path(scratch) / f"{table}.csv"
            duckdb.sql(f"copy (select * from {reader}) to '{extract}' (format csv, header true)")
            with extract.open() as rows:
                cursor.copy_expert(
                    f'copy {schema}."{table}" from stdin with (format csv, header true)', rows
                )
            loaded[table] = cursor.rowcount
    return loaded
