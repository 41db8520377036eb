"""`reportedly serve`'s own cost per request, without HTTP or other clients: each case of
bench/serve.py asked of the ASGI app in this process, one request after another.

    python bench/serve_cpu.py [--db PATH] [--requests 50] [--cases NAME ...] [--profile NAME]
                              [--sql] [--json]

The store and the cases are bench/serve.py's (its ``--db``, built there when missing). Each
case is asked ``--requests`` times through the whole app (routing, the security headers,
the query thread, the JSON or the page); printed: the processor time per request in ms
(time.process_time, every thread of this process), which the machine's other load stretches
far less than latency, and the answer's size. ``--sql`` adds, per case, the processor time of
the SQL statements it ran (traced, then run again alone on a connection of their own, rows
read out as tuples): SQLite's share, which runs outside the GIL, in parallel with other
requests; the rest is Python's, which one core at a time runs.
``--profile NAME`` runs that case under cProfile, in the event loop's thread (the query
thread is skipped, so that the profile sees the endpoint) and prints the 30 functions of
most cumulative time.

What HTTP adds (uvicorn's parsing, the event loop, the socket) is left out: bench/serve.py
measures it with the rest.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio.to_thread

from reportedly.serve.app import create_app

from serve import DEFAULT_DB, DEFAULT_PAGES, cases, ensure_store


class InProcessClient:
    """bench/serve.py's Client over the ASGI app itself: one request at a time, no socket."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()

    def get(self, path: str) -> tuple[int, bytes]:
        return self.loop.run_until_complete(self._get(path))

    def cpu_seconds(self, path: str, times: int) -> float:
        """The processor time of asking ``path`` ``times`` times, in one task after a first
        request: anyio stops its worker threads (and with them the store's connections kept
        in them) when the task that started them ends, which in a server is when it stops."""

        async def requests() -> float:
            await self._get(path)
            start = time.process_time()
            for _ in range(times):
                await self._get(path)
            return time.process_time() - start

        return self.loop.run_until_complete(requests())

    async def _get(self, path: str) -> tuple[int, bytes]:
        parts = urlsplit(path)
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": parts.path,
            "raw_path": parts.path.encode(),
            "query_string": parts.query.encode(),
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1")],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }
        status, body = 0, bytearray()

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, bytes(body)

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:200]!r}")
        return json.loads(body)


class Statements:
    """The SQL statements the app runs (sqlite3's trace callback, their values bound in),
    on every read-only connection it opens once ``watching``."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def watching(self) -> None:
        from reportedly.serve import api

        opened = api.connect_read_only

        def connect(path: Path) -> sqlite3.Connection:
            connection = opened(path)
            connection.set_trace_callback(self.seen.append)
            return connection

        api.connect_read_only = connect  # type: ignore[assignment]

    def of(self, client: InProcessClient, path: str) -> list[str]:
        """The statements one request of ``path`` runs."""
        self.seen.clear()
        client.get(path)
        # Left out: PRAGMAs, and the statements SQLite runs inside one (FTS5's, "-- ...").
        return [statement for statement in self.seen if not statement.startswith(("PRAGMA", "--"))]


def sql_ms(db: Path, statements: list[str], repeats: int) -> float:
    """The processor time to run ``statements`` and read out their rows, on a connection of their own."""
    from reportedly.store.database import connect_read_only

    connection = connect_read_only(db)
    for statement in statements:
        connection.execute(statement).fetchall()
    start = time.process_time()
    for _ in range(repeats):
        for statement in statements:
            connection.execute(statement).fetchall()
    connection.close()
    return (time.process_time() - start) * 1000 / repeats


def in_loop_thread() -> None:
    """Run every query thread's work in the event loop's own thread (for cProfile)."""

    async def direct(function: Callable[..., Any], *args: Any, **_: Any) -> Any:
        return function(*args)

    anyio.to_thread.run_sync = direct  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--cases", nargs="*", help="Only these cases (bench/serve.py's names).")
    parser.add_argument("--profile", metavar="NAME", help="Profile this case with cProfile.")
    parser.add_argument("--sql", action="store_true", help="Also time each case's SQL statements alone.")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    args = parser.parse_args()
    ensure_store(args.db, args.attributions)
    if args.profile:
        in_loop_thread()
    statements = Statements()
    if args.sql:
        statements.watching()
    client = InProcessClient(create_app(args.db, allow_extract=False))
    mix = cases(client, DEFAULT_PAGES)
    chosen = [args.profile] if args.profile else args.cases or list(mix)
    for name in chosen:
        if name not in mix:
            parser.error(f"no case {name!r}; the cases are: {', '.join(mix)}")
    rows = []
    for name in chosen:
        status, body = client.get(mix[name])  # warm-up, as bench/serve.py's
        if status != 200:
            raise RuntimeError(f"{name}: GET {mix[name]} answered {status}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
        cpu_ms = client.cpu_seconds(mix[name], args.requests) * 1000 / args.requests
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
        row = {"case": name, "cpu_ms": round(cpu_ms, 2), "bytes": len(body)}
        if args.sql:
            ran = statements.of(client, mix[name])
            row["sql_ms"] = round(sql_ms(args.db, ran, args.requests), 2)
            row["statements"] = len(ran)
        rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    sql_heading = f" {'sql ms':>8} {'stmts':>5}" if args.sql else ""
    print(f"{'case':<28} {'cpu ms':>8} {'bytes':>8}{sql_heading}")
    for row in rows:
        sql = f" {row['sql_ms']:>8} {row['statements']:>5}" if args.sql else ""
        print(f"{row['case']:<28} {row['cpu_ms']:>8} {row['bytes']:>8}{sql}")
    print(f"{'mean':<28} {sum(row['cpu_ms'] for row in rows) / len(rows):>8.2f}")


if __name__ == "__main__":
    main()
