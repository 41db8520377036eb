"""Every extraction of the event corpora as JSON Lines, to check a change that should not
alter the output (``cmp`` the files written before and after it).

    python bench/dump_extractions.py OUT_DIR [CORPUS ...]

One file per corpus (OUT_DIR/CORPUS.jsonl, one ``Extraction.to_dict`` a line, keys sorted):
``polnear-dev`` (dated by the file names), ``plover-dev``, ``conflibert-train`` and the
no-event sets (``no-events-train``, ``no-events-dev``); all without CORPUS. Write the files,
compare them; read none of the dev or check parts' records.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from reportedly.eval.conflibert import read_sentences
from reportedly.extract import Extractor
from reportedly.model import Document

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
EVENTS = Path(__file__).resolve().parents[1] / "eval" / "events"
# Records without a date of their own: one for all, so that their times resolve.
RECORD_DAY = date(2001, 5, 17)


def polnear_dev() -> Iterator[Document]:
    for path in sorted((DATA / "polnear" / "dev" / "text").glob("*.txt")):
        day = re.search(r"_(\d{4})-(\d{2})-(\d{2})_", path.name)
        published = date(*map(int, day.groups())) if day else None
        yield Document(path.stem, path.read_bytes().decode("utf-8"), published)


def records(path: Path) -> Iterator[Document]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            yield Document(record["id"], record["text"], RECORD_DAY)


def conflibert_train() -> Iterator[Document]:
    for sentence in read_sentences(DATA / "conflibert" / "cameo_ner" / "train.txt"):
        yield Document(sentence.id, sentence.text, RECORD_DAY)


CORPORA: dict[str, Callable[[], Iterator[Document]]] = {
    "polnear-dev": polnear_dev,
    "plover-dev": lambda: records(DATA / "plover" / "plover_gsr_dev.jsonl"),
    "conflibert-train": conflibert_train,
    "no-events-train": lambda: records(EVENTS / "no-events-train.jsonl"),
    "no-events-dev": lambda: records(EVENTS / "no-events-dev.jsonl"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("corpora", nargs="*", help=f"of {', '.join(CORPORA)}; all if none")
    args = parser.parse_args()
    if unknown := set(args.corpora) - CORPORA.keys():
        parser.error(f"no such corpus: {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    extractor = Extractor()
    for name in args.corpora or CORPORA:
        start = time.perf_counter()
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as out:
            for extraction in extractor.extract(CORPORA[name]()):
                out.write(json.dumps(extraction.to_dict(), sort_keys=True, ensure_ascii=False) + "\n")
        print(f"{name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
