"""Several writers on one store, readers beside them, and signals: what each case leaves.

    python bench/concurrency.py [--articles 60] [--writers 2 4]

Each case runs real ``reportedly`` processes on synthetic JSON Lines feeds in a temporary
folder and prints one line of JSON:

- ``same-feed``: two ingests of one feed started at once; their exit codes and error lines,
  and the documents stored (a clean ingest stores each article once).
- ``overlap-N``: N ingests at once, each of a feed that shares half its articles with the
  next one's; documents, originals, duplicates and attributions against one ingest of all
  the feeds in a single process, the texts stored as an original more than once, the
  duplicates whose original has their own source, ``PRAGMA integrity_check``, and the
  errors of a reader querying in a loop meanwhile.
- ``sigint`` / ``sigterm``: an ingest interrupted once a few articles are stored; its exit
  code, the last line on stderr and whether stdout holds a summary.
- ``extract-sigterm``: ``extract -o`` interrupted while it extracts; its exit code and the
  files left in the output's folder.
- ``damaged``: an ingest into a store with one leaf page of its documents overwritten.
"""

from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportedly.store import queries

FIRST = ["Anna", "Ivan", "Maria", "Pavel", "Olena", "Tomas", "Sofia", "Mark", "Elena", "Jan"]
LAST = ["Petrov", "Ivanova", "Kovalenko", "Schmidt", "Dubois", "Rossi", "Novak", "Horvat", "Berg", "Costa"]
# Articles unlike those of records(): an ingest of them reads no stored document's page.
OTHER_SHAPE = [
    json.dumps(
        {"text": f"Health official Ivo Brun{number} said the outbreak in region {number} was contained.\n"}
    )
    for number in range(5)
]


def records(count: int) -> list[str]:
    """``count`` distinct short articles as JSON Lines records (no two near duplicates)."""
    lines = []
    for number in range(count):
        first, surname = FIRST[number % 10], LAST[number // 10 % 10]
        text = (
            f"Minister {first} {surname} said on Monday that round {number} of the talks would start "
            f'in {number} days. "We are ready for round {number}," {surname} told reporters '
            f"in hall {number}.\n"
        )
        lines.append(json.dumps({"text": text, "published": "2024-12-16", "outlet": f"Wire {number % 3}"}))
    return lines


def write_feed(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines))
    return path


def reportedly(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "reportedly", *map(str, args)]


def last_line(text: bytes) -> str:
    lines = text.decode().strip().splitlines()
    return lines[-1] if lines else ""


def store_counts(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as connection:
        return queries.store_health(connection)


def run_at_once(commands: list[list[str]], db: Path) -> tuple[list[subprocess.CompletedProcess], int, int]:
    """The commands started together, a reader querying ``db`` in a loop until they end: their
    results, the reader's queries and its errors."""
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    reads = errors = 0
    while any(process.poll() is None for process in processes):
        if db.exists():
            reader = subprocess.run(reportedly("quotes", "--db", db, "--limit", "5"), capture_output=True)
            reads += 1
            if reader.returncode != 0 and b"no such store" not in reader.stderr:
                errors += 1
                print(f"  reader: {last_line(reader.stderr)}", file=sys.stderr)
        time.sleep(0.2)
    results = []
    for command, process in zip(commands, processes, strict=True):
        out, err = process.communicate()
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results, reads, errors


def overlap(folder: Path, lines: list[str], writers: int) -> dict[str, object]:
    """``writers`` feeds, each sharing half its articles with the next."""
    half = len(lines) // (writers + 1)
    feeds = [
        write_feed(folder / f"feed{number}.jsonl", lines[number * half : (number + 2) * half])
        for number in range(writers)
    ]
    clean = folder / f"clean{writers}.db"
    subprocess.run(reportedly("ingest", *feeds, "--db", clean), capture_output=True, check=True)
    db = folder / f"overlap{writers}.db"
    results, reads, errors = run_at_once([reportedly("ingest", feed, "--db", db) for feed in feeds], db)
    return {
        "case": f"overlap-{writers}",
        "exit_codes": [result.returncode for result in results],
        "errors": [last_line(r.stderr) for r in results if r.returncode],
        "clean": store_counts(clean),
        "concurrent": store_counts(db),
        "reader_queries": reads,
        "reader_errors": errors,
    }


def same_feed(folder: Path, lines: list[str]) -> dict[str, object]:
    feed = write_feed(folder / "same.jsonl", lines)
    db = folder / "same.db"
    results, _, errors = run_at_once([reportedly("ingest", feed, "--db", db)] * 2, db)
    return {
        "case": "same-feed",
        "exit_codes": [result.returncode for result in results],
        "errors": [last_line(r.stderr) for r in results if r.returncode],
        "concurrent": store_counts(db),
        "reader_errors": errors,
    }


def interrupted_ingest(folder: Path, lines: list[str], signum: signal.Signals) -> dict[str, object]:
    feed = write_feed(folder / f"{signum.name}.jsonl", lines)
    db = folder / f"{signum.name}.db"
    process = subprocess.Popen(
        reportedly("ingest", feed, "--db", db), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    while process.poll() is None and (not db.exists() or _stored(db) < 3):
        time.sleep(0.1)
    process.send_signal(signum)
    out, err = process.communicate()
    return {
        "case": signum.name.lower(),
        "exit_code": process.returncode,
        "stderr": last_line(err),
        "stdout": out.decode().strip(),
        "stored": _stored(db),
    }


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def interrupted_extract(folder: Path, lines: list[str]) -> dict[str, object]:
    feed = write_feed(folder / "extract.jsonl", lines * 10)  # long enough to be under way
    out = folder / "out"
    out.mkdir()
    process = subprocess.Popen(
        reportedly("extract", feed, "-o", out / "extracted.jsonl"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    while process.poll() is None and not any(out.iterdir()):
        time.sleep(0.05)
    time.sleep(3)  # the model loaded, extraction under way
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate()
    return {
        "case": "extract-sigterm",
        "exit_code": process.returncode,
        "stderr": last_line(err),
        "left_in_folder": sorted(path.name for path in out.iterdir()),
    }


def damaged(folder: Path, lines: list[str]) -> dict[str, object]:
    db = folder / "damaged.db"
    subprocess.run(
        reportedly("ingest", write_feed(folder / "d1.jsonl", lines[:20]), "--db", db),
        check=True,
        capture_output=True,
    )
    with sqlite3.connect(db) as connection:
        # A leaf of the documents table in the middle: one an ingest of new articles does not touch.
        (page,) = connection.execute(
            "SELECT MIN(pageno) FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf'"
        ).fetchone()
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\x55" * page_size)
    result = subprocess.run(
        reportedly("ingest", write_feed(folder / "d2.jsonl", OTHER_SHAPE), "--db", db), capture_output=True
    )
    return {"case": "damaged", "exit_code": result.returncode, "stderr": last_line(result.stderr)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--writers", type=int, nargs="+", default=[2, 4])
    options = parser.parse_args()
    lines = records(options.articles)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cases = [lambda: same_feed(folder, lines)]
        cases += [lambda writers=writers: overlap(folder, lines, writers) for writers in options.writers]
        cases += [lambda s=s: interrupted_ingest(folder, lines, s) for s in (signal.SIGINT, signal.SIGTERM)]
        cases += [lambda: interrupted_extract(folder, lines), lambda: damaged(folder, lines)]
        for case in cases:
            print(json.dumps(case()), flush=True)


if __name__ == "__main__":
    main()
