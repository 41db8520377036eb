"""`reportedly serve` under load: every API endpoint and page, 20 clients at once.

    python bench/serve.py [--db PATH] [--attributions 100000] [--clients 20] [--seconds 30]
                          [--pages / /documents/{document} ...] [--json]

The store is the query store of ``bench/store.py`` (``--attributions`` synthetic
attributions, 240 speakers, 12 outlets, a year of dates), built at ``--db`` when that file
is missing and reused after (upgraded to the current schema first: the server reads only its
own). ``reportedly serve`` runs in a subprocess on a free port of 127.0.0.1; ``--clients``
threads, each on its own keep-alive connection, then request the cases below in turn for
``--seconds``: every list endpoint with its filters and with a deep page (a cursor thousands
of rows in, found by following ``next`` before the clock starts), the one-row endpoints, and
the pages of ``--pages`` that exist (each is asked once first: one that answers 404 is not
built yet on this branch and is left out, and said so). Every case is asked once more before
the clock starts (a warm-up).

Printed: per case, the requests, median and 99th-percentile latency in ms, and errors (any
answer but 200, or no answer); the server's resident memory (VmRSS of /proc/PID/status) from
the start of the load to its end, every tenth of it, and the CPU time it used per request (/proc/PID/stat: on
a machine other work shares, latency varies with that work, the server's own cost less), and the
machine's load average (1, 5 and 15 minutes) as the load starts and as it ends.
``--json`` prints the same as JSON.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from reportedly.store.database import connect

API = "/api/v1"
DEFAULT_DB = Path("/tmp/reportedly-bench/serve-store.db")
# The pages of `reportedly serve` ({document} and {entity}: ids found in the store).
DEFAULT_PAGES = [
    "/",
    "/documents/{document}",
    "/entities/{entity}",
    "/search?q=ceasefire",
    "/events",
    "/issues/{issue}",
]
# How many rows in the deep pages start: pages of 1000 followed until then.
DEEP_ROWS = 50_000


def ensure_store(path: Path, attributions: int) -> None:
    """The benchmark store at ``path``, built by bench/store.py when missing, at the current schema."""
    if not path.exists():
        # bench/store.py brings the extraction pipeline in with it: imported only to build.
        from store import build_query_store

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} ({attributions} attributions)", file=sys.stderr)
        print(json.dumps(build_query_store(path, attributions)), file=sys.stderr)
    connect(path).close()  # runs the migrations a store built by an older reportedly lacks


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """The user and system CPU time the process has used (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for process {pid}")


class Client:
    """One keep-alive connection to the server; a dropped one is opened again."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            self.connection.request("GET", path)
            response = self.connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:200]!r}")
        return json.loads(body)


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).parent / "reportedly"), "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"reportedly serve exited with {server.returncode}")
        try:
            Client(port).get("/openapi.json")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("reportedly serve did not answer within 60 s")


def deep_cursor(client: Client, path: str, rows: int) -> str:
    """The cursor ``rows`` rows into the list ``path`` (or as deep as it goes)."""
    cursor, seen = None, 0
    while seen < rows:
        separator = "&" if "?" in path else "?"
        page = client.json(f"{path}{separator}limit=1000" + (f"&cursor={cursor}" if cursor else ""))
        if page["next"] is None:
            break
        cursor, seen = page["next"], seen + len(page["rows"])
    if cursor is None:
        raise RuntimeError(f"{path} has a single page: no deep page to ask for")
    return cursor


def cases(client: Client, pages: list[str]) -> dict[str, str]:
    """Name -> path of every request of the mix, ids and cursors found in the store."""
    entities = client.json(f"{API}/entities?limit=1000")["rows"]
    busiest = max(entities, key=lambda row: row["quotes"])
    entity, speaker = busiest["id"], busiest["name"]
    document = client.json(f"{API}/documents?limit=1")["rows"][0]["id"]
    timeline = f"{API}/entities/{entity}/timeline"
    second_page = client.json(timeline)["next"]
    issues = client.json(f"{API}/issues")["rows"]
    issue = max(issues, key=lambda row: row["stances"])["issue"] if issues else ""

    def query(path: str, **params: object) -> str:
        return f"{API}/{path}?{urlencode(params)}" if params else f"{API}/{path}"

    mix = {
        "documents": query("documents"),
        "documents deep": query("documents", cursor=deep_cursor(client, query("documents"), DEEP_ROWS // 4)),
        "documents/{id}": query(f"documents/{document}"),
        "quotes": query("quotes"),
        "quotes speaker": query("quotes", speaker=speaker),
        "quotes about": query("quotes", about="grain exports"),
        "quotes search": query("quotes", search="ceasefire"),
        "quotes fts": query("quotes", fts="NEAR(peace plan, 3)"),
        "quotes since until": query("quotes", since="2024-03-01", until="2024-03"),
        "quotes outlet kind": query("quotes", outlet="Outlet C", kind="direct"),
        "quotes deep": query("quotes", cursor=deep_cursor(client, query("quotes"), DEEP_ROWS)),
        "speakers": query("speakers"),
        "speakers by outlet": query("speakers", by="outlet"),
        "speakers by month": query("speakers", by="month", since="2024-06"),
        "entities": query("entities"),
        "entities/{id}": query(f"entities/{entity}"),
        "timeline": timeline,
        "timeline page 2": f"{timeline}?cursor={second_page}",
        "events": query("events"),
        "events type": query("events", type="reject"),
        "events actor": query("events", actor="RUS"),
        "events recipient": query("events", recipient="UKR"),
        "events since until": query("events", since="2024-05", until="2024-05"),
        "events deep": query("events", cursor=deep_cursor(client, query("events"), DEEP_ROWS)),
        "issues": query("issues"),
        "positions": query("positions", issue=issue),
        # One actor's history on one issue, as `positions --history --issue --actor` asks it.
        "positions history": query("positions", issue=issue, actor=speaker, view="history"),
        "positions shifts": query("positions", view="shifts", by="code"),
    }
    for page in pages:
        path = page.format(document=document, entity=entity, issue=issue)
        status, _ = client.get(path)
        if status == 404:
            print(f"page {path}: 404, not built yet: left out", file=sys.stderr)
            continue
        mix[f"page {page}"] = path
    return mix


def warm_up(client: Client, mix: dict[str, str]) -> None:
    """Each case asked once before the clock starts: what the server loads or counts on first
    use (the pipeline's modules, the speakers' counts) is not in the figures of a steady load."""
    for path in mix.values():
        client.get(path)


def load(
    port: int, mix: dict[str, str], clients: int, seconds: float, server_pid: int
) -> tuple[dict[str, dict[str, list]], list[float]]:
    """Each client requests the cases in turn (each starting at another) until the time is
    up; the server's resident memory is sampled every tenth of the time meanwhile."""
    names = list(mix)
    results = {name: {"ms": [], "errors": []} for name in names}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def run(number: int) -> None:
        client = Client(port)
        turn = number
        while time.monotonic() < deadline:
            name = names[turn % len(names)]
            turn += 1
            start = time.perf_counter()
            try:
                status, _ = client.get(mix[name])
                error = None if status == 200 else f"status {status}"
            except (OSError, http.client.HTTPException) as failure:
                error = type(failure).__name__
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                results[name]["ms"].append(elapsed)
                if error:
                    results[name]["errors"].append(error)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    memory = []
    while time.monotonic() < deadline:
        memory.append(resident_mb(server_pid))
        time.sleep(seconds / 10)
    for thread in threads:
        thread.join()
    return results, memory


def summary(results: dict[str, dict[str, list]]) -> list[dict[str, object]]:
    rows = []
    for name, result in results.items():
        times = sorted(result["ms"])
        rows.append(
            {
                "case": name,
                "requests": len(times),
                "median_ms": round(statistics.median(times), 1) if times else None,
                "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 1) if times else None,
                "errors": len(result["errors"]),
                "error_kinds": sorted(set(result["errors"])),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--pages", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    args = parser.parse_args()
    ensure_store(args.db, args.attributions)
    port = free_port()
    server = start_server(args.db, port)
    try:
        mix = cases(Client(port), args.pages)
        warm_up(Client(port), mix)
        cpu_start, load_start = cpu_seconds(server.pid), os.getloadavg()
        print(f"{args.clients} clients, {args.seconds:g} s, {len(mix)} cases", file=sys.stderr)
        results, memory = load(port, mix, args.clients, args.seconds, server.pid)
        memory.append(resident_mb(server.pid))
        cpu_end, load_end = cpu_seconds(server.pid), os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    rows = summary(results)
    total = sum(len(result["ms"]) for result in results.values())
    # The server's own cost, which the machine's other load changes less than latency.
    cpu_ms = round((cpu_end - cpu_start) * 1000 / max(total, 1), 2)
    server = {
        "rss_mb": memory,
        "server_cpu_ms_per_request": cpu_ms,
        "load_average": {"start": load_start, "end": load_end},
    }
    if args.json:
        print(json.dumps({"cases": rows, **server}, indent=2))
        return
    print(f"{'case':<28} {'requests':>8} {'median ms':>10} {'p99 ms':>8} {'errors':>6}")
    for row in rows:
        numbers = f"{row['requests']:>8} {row['median_ms']:>10} {row['p99_ms']:>8} {row['errors']:>6}"
        print(f"{row['case']:<28} {numbers}")
    print(f"{'all':<28} {total:>8}   ({total / args.seconds:.0f} requests/s)")
    print(f"server RSS (MB, every {args.seconds / 10:g} s from the start): {' '.join(map(str, memory))}")
    print(f"server CPU: {cpu_ms} ms per request")
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in load_start)} at the start, ", end="")
    print(f"{' '.join(f'{x:.2f}' for x in load_end)} at the end")


if __name__ == "__main__":
    main()
