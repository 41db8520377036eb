"""The corpus store under load: what storing adds to extraction, and how fast queries answer.

    python bench/store.py [--articles N] [--attributions 100000] [--repeats 25] [--rounds 3]

1. Ingest overhead: the same synthetic articles (``--articles``, default 300) extracted bare
   (``Extractor.extract``, results dropped) and ingested from a JSON Lines file into a fresh
   store (reading, hashing, MinHash, the same extraction, one transaction per article), in
   one process, alternating, best of ``--rounds`` (default 3) each. The overhead is ingest
   time / extraction time - 1; the store's own work (hashing, MinHash, lookups, writes,
   full-text indexing) is also timed inside the ingest, as a share of the extraction time:
   the same figure without the noise between runs. Resident memory is sampled during the
   ingest: flat means the last sample is no higher than the middle one.
2. Query latency: a store holding ``--attributions`` attributions (synthetic extractions
   written through ``Store.add_article``, no NLP: documents of four attributions, 240
   speakers, 12 outlets, a year of dates), then every query behind ``reportedly quotes``,
   ``speakers``, ``timeline``, ``events`` and ``positions`` (the stances the shipped issues'
   patterns give the synthetic contents), each run ``--repeats`` times; the median in ms.
3. The positions stage's cost: its share of the ingest (the stage's own time, timed inside
   the extraction, and the stance rows' writes), as the ingest without it would take; and
   the same in processor time (``positions_overhead_cpu``: the process's, every thread's),
   which the other sessions of a shared machine move much less than wall time; of it, the
   sentence encoder's runs (``positions_encoder_cpu_seconds``) and the texts they embedded
   (``positions_texts_embedded``: those not kept from an earlier story of the pass).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportedly import extract as extract_module
from reportedly.extract import Extractor
from reportedly.ingest import run as ingest_run
from reportedly.ingest.sources import read_articles
from reportedly.model import (
    Actor,
    Article,
    Attribution,
    Document,
    Entity,
    Event,
    EventActor,
    Extraction,
    Span,
    Speaker,
)
from reportedly.nlp.encoder import SentenceEncoder
from reportedly.positions.issues import load_issues
from reportedly.positions.statements import take_positions
from reportedly.store import corpus as corpus_module
from reportedly.store import queries
from reportedly.store.corpus import Store, entity_id
from reportedly.store.database import index_new_text
from reportedly.store.dedup import content_hash, signature
from reportedly.store.stances import PositionFilter, history, positions, write_stances

from timing import STAGE_SECONDS, reset_stages, timed

FIRST = ["Anna", "Ivan", "Maria", "Pavel", "Olena", "Tomas", "Sofia", "Mark", "Elena", "Jan", "Lena", "Omar"]
LAST = [
    "Petrov",
    "Kovalenko",
    "Schmidt",
    "Dubois",
    "Rossi",
    "Novak",
    "Horvat",
    "Lindqvist",
    "Moreau",
    "Varga",
]
LAST += ["Popescu", "Berg", "Costa", "Nowak", "Haddad", "Okafor", "Tanaka", "Silva", "Jensen", "Kowalski"]
COUNTRIES = [("Russia", "Russian", "RUS"), ("Ukraine", "Ukrainian", "UKR"), ("Germany", "German", "DEU")]
COUNTRIES += [("France", "French", "FRA"), ("Poland", "Polish", "POL"), ("Turkey", "Turkish", "TUR")]
OUTLETS = [f"Outlet {letter}" for letter in "ABCDEFGHIJKL"]
TOPICS = ["sanctions", "the ceasefire", "grain exports", "gas prices", "the peace plan", "prisoner exchanges"]
VERBS = ["said", "told reporters", "insisted", "warned", "denied", "argued"]
EVENT_TYPES = ["REQUEST", "REJECT", "AGREE", "THREATEN", "CONSULT", "ACCUSE"]


def synthetic_text(rng: random.Random, number: int) -> str:
    """A short wire story: distinct from the others (numbers and names vary throughout)."""
    paragraphs = []
    for part in range(4):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        country, adjective, _ = rng.choice(COUNTRIES)
        topic, verb = rng.choice(TOPICS), rng.choice(VERBS)
        paragraphs.append(
            f"{adjective} minister {first} {last} {verb} on Monday that {country} would review {topic} "
            f"before round {number}.{part} of the talks. "
            f'"We will not accept terms that ignore {topic}," {last} said in statement {number * 7 + part}.'
        )
    return "\n\n".join(paragraphs) + "\n"


def time_store_work() -> None:
    """Time what ingest does besides extraction: hashing, MinHash, lookups, writes."""
    for name in ("content_hash", "signature", "_store", "index_new_text"):
        setattr(ingest_run, name, timed(getattr(ingest_run, name), "store"))
    for name in ("stored", "original_of", "near_duplicate"):
        setattr(Store, name, timed(getattr(Store, name), "store"))
    corpus_module.write_stances = timed(write_stances, "stance writes")
    corpus_module.write_stances = timed(corpus_module.write_stances, "stance writes cpu", time.process_time)
    SentenceEncoder.run = timed(_counted(SentenceEncoder.run), "encoder cpu", time.process_time)
    extract_module.DOCUMENT_STAGES = tuple(
        (name, timed(stage, "positions cpu", time.process_time) if name == "positions" else stage)
        for name, stage in extract_module.DOCUMENT_STAGES
    )


def _counted(run: Callable[..., Any]) -> Callable[..., Any]:
    """The encoder's ``run``, counting the texts it embeds in ``STAGE_SECONDS["encoder texts"]``."""
    STAGE_SECONDS.setdefault("encoder texts", 0.0)

    def counted(encoder: SentenceEncoder, ids: Sequence[Sequence[int]]) -> Any:
        STAGE_SECONDS["encoder texts"] += len(ids)
        return run(encoder, ids)

    return counted


def measure_overhead(count: int, folder: Path, rounds: int) -> dict[str, float]:
    rng = random.Random(2024)
    texts = [synthetic_text(rng, number) for number in range(count)]
    words = sum(len(text.split()) for text in texts)
    extractor = Extractor()

    def documents() -> Iterator[Document]:
        return (Document(f"d{n}", text, date(2024, 12, 26)) for n, text in enumerate(texts))

    # Ingest reads a JSON Lines file, streamed as users' large files are.
    feed = folder / "feed.jsonl"
    with feed.open("w") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text, "published": "2024-12-26"}) + "\n")

    extract_seconds, ingest_seconds, store_seconds, memory = [], [], [], []
    positions_seconds, positions_cpu, ingest_cpu, encoder_cpu = [], [], [], []
    time_store_work()
    encoder = extractor.resources.encoder
    for round_number in range(rounds):
        # Each pass as a run of its own: the vectors the encoder kept of one pass's texts
        # (nlp/encoder.py) are not the next one's to read.
        if encoder is not None:
            encoder.kept.clear()
        start = time.perf_counter()
        for _ in extractor.extract(documents()):
            pass
        extract_seconds.append(time.perf_counter() - start)
        store = Store(folder / f"overhead-{round_number}.db")
        samples: list[int] = []
        progress = {"articles": 0}

        def sample(samples: list[int] = samples, progress: dict[str, int] = progress) -> None:
            progress["articles"] += 1
            if progress["articles"] % max(1, count // 6) == 0:
                samples.append(_resident_mb())

        reset_stages()
        extractor.stage_seconds.clear()
        if encoder is not None:
            encoder.kept.clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        summary = ingest_run.ingest(read_articles([str(feed)]), store, extractor, on_article=sample)
        ingest_seconds.append(time.perf_counter() - start)
        ingest_cpu.append(time.process_time() - start_cpu)
        positions_seconds.append(extractor.stage_seconds["positions"] + STAGE_SECONDS["stance writes"])
        positions_cpu.append(STAGE_SECONDS["positions cpu"] + STAGE_SECONDS["stance writes cpu"])
        encoder_cpu.append(STAGE_SECONDS["encoder cpu"])
        store_seconds.append(STAGE_SECONDS["store"])
        store.close()
        assert summary.stored == count, summary
        memory = samples
    best_extract, best_ingest = min(extract_seconds), min(ingest_seconds)
    return {
        "articles": count,
        "words": words,
        "extraction_seconds": round(best_extract, 2),
        "ingest_seconds": round(best_ingest, 2),
        "ingest_overhead": round(best_ingest / best_extract - 1, 3),
        # Timed inside the ingest, so the machine's noise between runs does not enter it.
        "store_work_seconds": round(min(store_seconds), 2),
        "store_work_share": round(min(store_seconds) / best_extract, 3),
        "resident_mb_during_ingest": memory,
        # What the positions stage adds: its time over the ingest's time without it.
        "positions_seconds": round(min(positions_seconds), 2),
        "positions_overhead": round(min(positions_seconds) / (best_ingest - min(positions_seconds)), 3),
        "positions_cpu_seconds": round(min(positions_cpu), 2),
        "positions_overhead_cpu": round(min(positions_cpu) / (min(ingest_cpu) - min(positions_cpu)), 3),
        "positions_encoder_cpu_seconds": round(min(encoder_cpu), 2),
        "positions_texts_embedded": int(STAGE_SECONDS["encoder texts"]),
    }


def _resident_mb() -> int:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 // 1_048_576


def build_query_store(path: Path, attributions: int) -> dict[str, float]:
    """A store with ``attributions`` attributions, written through Store.add_article."""
    rng = random.Random(7)
    speakers = [(f"{first} {last}", rng.choice(COUNTRIES)) for first in FIRST for last in LAST]
    issues = load_issues()
    store = Store(path)
    start = time.perf_counter()
    day0 = date(2024, 1, 1)
    documents = attributions // 4
    # Committed in batches of 500: this builds the fixture; ingest is measured above.
    for batch in range(0, documents, 500):
        with store.transaction():
            for number in range(batch, min(batch + 500, documents)):
                text = synthetic_text(rng, number)
                published = day0 + timedelta(days=number % 366)
                extraction = _synthetic_extraction(rng, f"doc{number}", text, published, speakers)
                extraction.stances = take_positions(extraction, issues)
                article = Article(
                    extraction.document, f"bench:{number}", outlet=OUTLETS[number % len(OUTLETS)]
                )
                store.add_article(article, content_hash(text), signature(text), extraction)
    index_new_text(store.connection)
    seconds = time.perf_counter() - start
    stances = store.connection.execute("SELECT count(*) FROM stances").fetchone()[0]
    store.close()
    return {
        "documents": documents,
        "attributions": documents * 4,
        "stances": stances,
        "build_seconds": round(seconds, 1),
    }


def _synthetic_extraction(
    rng: random.Random,
    doc_id: str,
    text: str,
    published: date,
    speakers: list[tuple[str, tuple[str, str, str]]],
) -> Extraction:
    paragraphs = []
    offset = 0
    for paragraph in text.split("\n\n"):
        paragraphs.append((offset, paragraph))
        offset += len(paragraph) + 2
    entities, attributions, events = [], [], []
    for index, (start, paragraph) in enumerate(paragraphs[:4]):
        name, (_, _, country) = rng.choice(speakers)
        entity_id_ = f"e{index + 1}"
        cue_at = start + paragraph.index(" on Monday") - 4
        cue = Span.of(text, cue_at, cue_at + 4)
        content_start = start + paragraph.index("that ")
        content = Span.of(text, content_start, start + paragraph.index(". "))
        source = Span.of(text, start, start + paragraph.index(" minister") + 9)
        entities.append(
            Entity(
                entity_id_, name, "PERSON", mentions=[source], actor=Actor(f"{country}GOV", country, "GOV")
            )
        )
        attributions.append(
            Attribution(
                f"a{index + 1}", rng.choice(["indirect", "direct", "mixed"]), cue, source, [content],
                speaker=Speaker(name, entity_id_),
            )
        )  # fmt: skip
        events.append(
            Event(
                id=f"v{index + 1}", event_type=rng.choice(EVENT_TYPES), trigger=cue,
                sentence=Span.of(text, start, start + paragraph.index(". ") + 1), mode=[],
                actor=[EventActor(name, entity_id_, Actor(f"{country}GOV", country, "GOV"))],
                recipient=[EventActor(c[0], None, Actor(c[2], c[2], None)) for c in [rng.choice(COUNTRIES)]],
                attribution=f"a{index + 1}", date=published.isoformat(),
            )
        )  # fmt: skip
    return Extraction(Document(doc_id, text, published), attributions, entities, [], events)


def measure_queries(path: Path, repeats: int) -> dict[str, float]:
    store = Store(path)
    connection = store.connection
    speaker = "Maria Schmidt"
    cases: dict[str, Callable[[], object]] = {
        "quotes": lambda: queries.quotes(connection, queries.QuoteFilter()),
        "quotes --speaker": lambda: queries.quotes(
            connection, queries.QuoteFilter(speaker=queries.speaker_filter(connection, speaker))
        ),
        "quotes --about": lambda: queries.quotes(connection, queries.QuoteFilter(about="grain exports")),
        "quotes --search": lambda: queries.quotes(
            connection, queries.QuoteFilter(search=queries.search_expression("ceasefire"))
        ),
        "quotes --since --until": lambda: queries.quotes(
            connection, queries.QuoteFilter(since="2024-03-01", until="2024-03")
        ),
        "quotes --outlet --kind": lambda: queries.quotes(
            connection, queries.QuoteFilter(outlet="Outlet C", kind="direct")
        ),
        "speakers": lambda: queries.speakers(connection),
        "speakers --by outlet": lambda: queries.speakers(connection, by="outlet"),
        "speakers --by month": lambda: queries.speakers(connection, by="month"),
        "timeline": lambda: queries.timeline(connection, entity_id(connection, speaker)),
        "events --type": lambda: queries.events(connection, event_type="REJECT"),
        "events --actor": lambda: queries.events(connection, actor="RUS"),
        "events --recipient": lambda: queries.events(connection, recipient="UKR"),
        "positions": lambda: positions(connection, PositionFilter()),
        "positions --issue": lambda: positions(connection, PositionFilter(issue="ceasefire")),
        "positions --actor --by-code": lambda: positions(
            connection, PositionFilter(actor="RUSGOV", by_code=True)
        ),
        "positions --issue --actor --history": lambda: history(
            connection, PositionFilter(issue="ceasefire", actor="RUSGOV"), False
        ),
        "positions --shifts --issue --actor": lambda: history(
            connection, PositionFilter(issue="sanctions", actor="RUSGOV"), True
        ),
    }
    medians = {}
    for name, query in cases.items():
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            query()
            times.append((time.perf_counter() - start) * 1000)
        medians[name] = round(statistics.median(times), 2)
    store.close()
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report = {"ingest": measure_overhead(args.articles, Path(folder), args.rounds)}
        path = Path(folder) / "queries.db"
        report["query_store"] = build_query_store(path, args.attributions)
        report["query_median_ms"] = measure_queries(path, args.repeats)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
