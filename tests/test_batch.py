"""`reportedly batch`: partitions written whole into a Parquet dataset, a manifest that reruns
resume from, bad records failing alone, `ingest --extractions`, and the query commands over
the dataset through DuckDB giving what they give over a store of the same passages.

These run the local engine in this process with the session's pipeline; the Dask engine, the
worker processes and the kills are in test_batch_faults.py (slow)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportedly.batch import MissingExtra, need
from reportedly.batch.dataset import Done, done_partitions, iter_rows, record_done
from reportedly.batch.worker import Settings, extractor_for, pipeline_loads

pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("duckdb")

PEOPLE = (
    ("Foreign Minister Sergei Lavrov", "Lavrov", "Russia"),
    ("Secretary of State Antony Blinken", "Blinken", "the United States"),
    ("President Volodymyr Zelensky", "Zelensky", "Ukraine"),
    ("Chancellor Olaf Scholz", "Scholz", "Germany"),
)


def passage(number: int) -> str:
    """A short news passage: a headline, an indirect and a direct quote, an event."""
    full, surname, country = PEOPLE[number % len(PEOPLE)]
    return (
        f"{surname} speaks on talks\n\n"
        f"{full} said on Monday that {country} would not accept the proposal number {number}.\n\n"
        f'"We are ready to talk," {surname} told reporters.\n'
    )


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Five text files and a JSON Lines file of three records, one of them malformed."""
    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for number in range(5):
        path = folder / f"story-{number}.txt"
        path.write_text(passage(number), encoding="utf-8")
        files.append(path)
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "r1", "text": passage(5), "published": "2024-12-20", "outlet": "Wire"})
        + "\n{not json\n"
        + json.dumps({"id": "r2", "text": passage(6), "outlet": "Wire"})
        + "\n",
        encoding="utf-8",
    )
    return [*files, feed]


@pytest.fixture
def session_pipeline(monkeypatch: pytest.MonkeyPatch, extractor) -> None:
    """Batch tasks in this process use the session's pipeline instead of loading one."""
    monkeypatch.setattr(Settings, "load", lambda self: extractor)


def batch(cli, inputs: list[Path], output: Path, *options: str):
    return cli("batch", *inputs, "--output", output, "--published", "2024-12-16", *options)


def test_batch_writes_each_document_once_with_offsets_and_a_manifest(
    cli, corpus: list[Path], tmp_path: Path, session_pipeline: None
) -> None:
    output = tmp_path / "out"
    result = batch(cli, corpus, output, "--partition-size", "2")
    # The malformed record fails alone, named with its file and line; the rest goes through.
    assert result.exit_code == 1
    assert f"reportedly: error: {corpus[-1]}:2: malformed JSON" in result.stderr
    summary = json.loads(result.stdout)
    assert summary | {"failures": None} == {
        "partitions": 4,
        "skipped": 0,
        "extracted": 4,
        "documents": 7,
        "attributions": 14,
        "failed": 1,
        "failures": None,
        "ignored": 0,
    }
    failures = [json.loads(line) for line in (output / "failures.jsonl").read_text().splitlines()]
    assert failures == [{"input": f"{corpus[-1]}:2", "problem": failures[0]["problem"]}]
    assert failures[0]["problem"].startswith("malformed JSON")
    done = done_partitions(output)
    assert len(done) == 4 and sum(entry.documents for entry in done.values()) == 7
    for table in ("documents", "attributions", "entities", "events", "times"):
        assert sorted(path.name for path in (output / table).iterdir()) == sorted(
            f"part-{partition}.parquet" for partition in done
        )
    documents = list(iter_rows(output, "documents"))
    assert [row["doc_id"] for row in documents] == [*(f"story-{n}" for n in range(5)), "r1", "r2"]
    assert [row["published"] for row in documents][4:] == ["2024-12-16", "2024-12-20", "2024-12-16"]
    texts = {(row["partition"], row["position"]): row["text"] for row in documents}
    attributions = list(iter_rows(output, "attributions"))
    first = attributions[0]
    assert (first["doc_id"], first["kind"], first["cue"], first["speaker"]) == (
        "story-0",
        "indirect",
        "said",
        "Sergei Lavrov",
    )
    # Every span is where its offsets say in its document's text, as in `extract`'s records.
    for row in attributions:
        text = texts[(row["partition"], row["position"])]
        assert text[row["cue_start"] : row["cue_end"]] == row["cue"]
        for part in row["content_spans"]:
            assert text[part["start"] : part["end"]] == part["text"]
    entities = list(iter_rows(output, "entities"))
    lavrov = next(row for row in entities if row["name"] == "Sergei Lavrov")
    assert (lavrov["code"], lavrov["keys"]) == ("RUSGOV", ["sergei lavrov", "lavrov"])
    assert {row["local_id"] for row in iter_rows(output, "times") if row["doc_id"] == "story-0"} == {"t1"}


def test_rerun_skips_the_partitions_done_and_finishes_the_rest(
    cli, corpus: list[Path], tmp_path: Path, session_pipeline: None
) -> None:
    output = tmp_path / "out"
    batch(cli, corpus, output, "--partition-size", "2")
    lines = (output / "manifest.jsonl").read_text().splitlines()
    # As if killed after two partitions, the second's line cut short.
    (output / "manifest.jsonl").write_text(lines[0] + "\n" + lines[1][:20])
    result = batch(cli, corpus, output, "--partition-size", "2")
    summary = json.loads(result.stdout)
    assert (summary["skipped"], summary["extracted"], summary["documents"]) == (1, 3, 5)
    assert len(done_partitions(output)) == 4
    again = json.loads(batch(cli, corpus, output, "--partition-size", "2").stdout)
    assert (again["skipped"], again["extracted"]) == (4, 0)
    assert len((output / "manifest.jsonl").read_text().splitlines()) == 5  # the cut line and four whole
    assert len(list(iter_rows(output, "documents"))) == 7


def test_a_rerun_with_other_options_is_refused(
    cli, corpus: list[Path], tmp_path: Path, session_pipeline: None
) -> None:
    output = tmp_path / "out"
    batch(cli, corpus[:1], output, "--partition-size", "2")
    result = batch(cli, corpus[:1], output, "--partition-size", "3")
    assert result.exit_code == 2
    assert "holds a dataset made with other options (partition_size)" in result.stderr


def test_parquet_inputs_are_read_row_by_row_and_a_bad_row_fails_alone(
    cli, tmp_path: Path, session_pipeline: None
) -> None:
    pa = need("pyarrow")
    rows = pa.table({"id": ["p1", "p2", "p3"], "text": [passage(0), None, passage(2)]})
    inputs = tmp_path / "articles.parquet"
    pq.write_table(rows, inputs)
    result = batch(cli, [inputs], tmp_path / "out")
    assert result.exit_code == 1
    assert f"reportedly: error: {inputs}:row 2: no 'text' field with text in it" in result.stderr
    documents = list(iter_rows(tmp_path / "out", "documents"))
    assert [(row["doc_id"], row["source"]) for row in documents] == [
        ("p1", f"{inputs}:id=p1"),
        ("p3", f"{inputs}:id=p3"),
    ]


QUERIES = (
    ("quotes",),
    ("quotes", "--speaker", "Lavrov"),
    ("quotes", "--about", "READY", "--kind", "direct"),
    ("quotes", "--outlet", "wire", "--since", "2024-12-17"),
    ("speakers",),
    ("speakers", "--by", "month"),
    ("speakers", "--by", "outlet", "--until", "2024-12"),
    ("timeline", "Lavrov"),
    ("timeline", "Blinken"),
    ("timeline", "Sergei Lavrov", "--about", "ready"),
    ("events",),
    ("events", "--actor", "RUS", "--type", "agree"),
    ("positions",),
    ("positions", "--issue", "negotiations", "--history"),
    ("positions", "--actor", "USAGOV", "--since", "2024-12-17"),
    ("positions", "--by-code", "--history"),
)


def test_queries_over_the_dataset_answer_as_over_a_store_of_the_same_passages(
    cli, corpus: list[Path], tmp_path: Path, session_pipeline: None
) -> None:
    """The same passages ingested into a store, written by `batch` (and queried through
    DuckDB), and stored from the dataset by `ingest --extractions`: the same answers."""
    store, loaded, output = tmp_path / "ingested.db", tmp_path / "loaded.db", tmp_path / "out"
    assert cli("ingest", *corpus, "--db", store, "--published", "2024-12-16").exit_code == 1
    batch(cli, corpus, output, "--partition-size", "3")
    loading = cli("ingest", "--extractions", output, "--db", loaded)
    assert loading.exit_code == 0, loading.stderr
    assert json.loads(loading.stdout)["stored"] == 7
    for query in QUERIES:
        from_store = cli(*query, "--db", store, "--format", "jsonl")
        assert from_store.exit_code == 0 and from_store.stdout.count("\n") >= 1, query
        assert cli(*query, "--parquet", output, "--format", "jsonl").stdout == from_store.stdout, query
        assert cli(*query, "--db", loaded, "--format", "jsonl").stdout == from_store.stdout, query
    # A rerun of `ingest --extractions` stores nothing twice, as a rerun of ingest.
    assert json.loads(cli("ingest", "--extractions", output, "--db", loaded).stdout)["skipped"] == 7


def test_whom_a_demand_is_of_reads_from_the_dataset_as_from_a_store(
    cli, tmp_path: Path, session_pipeline: None
) -> None:
    story = tmp_path / "lavrov.txt"
    story.write_text("Lavrov said Washington must act first to end the war and agree a ceasefire.\n")
    store, output = tmp_path / "ingested.db", tmp_path / "out"
    assert cli("ingest", story, "--db", store, "--published", "2024-12-16").exit_code == 0
    assert batch(cli, [story], output).exit_code == 0
    for query in (("positions",), ("positions", "--demanded-of", "USA")):
        from_store = cli(*query, "--db", store, "--format", "jsonl")
        (row,) = (json.loads(line) for line in from_store.stdout.splitlines())
        assert (row["demanded_of"]["name"], row["demanded_of"]["entity"]) == ("United States", 2)
        assert cli(*query, "--parquet", output, "--format", "jsonl").stdout == from_store.stdout, query


def test_parquet_query_errors_are_one_line(cli, corpus: list[Path], tmp_path: Path, session_pipeline) -> None:
    output = tmp_path / "out"
    batch(cli, corpus[:2], output)
    both = cli("quotes", "--parquet", output, "--db", tmp_path / "x.db")
    assert (both.exit_code, both.stderr) == (
        2,
        "reportedly: error: --db and --parquet name two corpora: give one of them\n",
    )
    search = cli("quotes", "--parquet", output, "--search", "ready")
    assert search.exit_code == 2 and "--search and --fts read the store's full-text index" in search.stderr
    nobody = cli("timeline", "Lavrv", "--parquet", output)
    assert nobody.exit_code == 2
    assert "no entity named 'Lavrv'; near matches: Sergei Lavrov (id 1)" in nobody.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (
        "no partition of a `reportedly batch` dataset is done here"
        in cli("speakers", "--parquet", empty).stderr
    )
    assert cli("ingest", "--extractions", output, corpus[0]).exit_code == 2
    rebuild = cli("positions", "--parquet", output, "--rebuild")
    assert rebuild.exit_code == 2 and "a --parquet dataset is read only" in rebuild.stderr
    description = output / "dataset.json"
    description.write_text(json.dumps(json.loads(description.read_text()) | {"schema": 1}))
    older = cli("quotes", "--parquet", output)
    assert older.exit_code == 2
    assert "a dataset of schema 1; this reportedly reads schema 3" in older.stderr


def test_a_line_cut_short_by_a_kill_does_not_swallow_the_next(tmp_path: Path) -> None:
    entry = Done("000001-abc", 2, 3, 1.5, 1.2, "host:1", 300.0)
    (tmp_path / "manifest.jsonl").write_text('{"partition": "000000-de')
    record_done(tmp_path, entry)
    assert done_partitions(tmp_path) == {"000001-abc": entry}


def test_the_pipeline_loads_once_per_process_for_the_same_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Settings, "load", lambda self: object())
    before = pipeline_loads()
    first = extractor_for(Settings(tagger="none"))
    assert extractor_for(Settings(tagger="none")) is first
    assert pipeline_loads() == before + 1
    assert extractor_for(Settings(tagger="shipped")) is not first  # other settings, another pipeline
    assert pipeline_loads() == before + 2


def test_a_missing_extra_is_named_with_its_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(MissingExtra, match=r"no_such_engine is not installed: .*reportedly\[dask\]"):
        need("no_such_engine.client")


@pytest.mark.slow
def test_the_local_engine_never_imports_dask(tmp_path: Path) -> None:
    """``--engine local`` starts no Dask: its modules are not imported, which would cost the
    run's start-up seconds (checked in a fresh interpreter; this session's may hold Dask)."""
    script = (
        "import sys\n"
        "from reportedly.cli import main\n"
        "from reportedly.batch import dataset, inputs, load, run, worker\n"
        "with run._executor(run.Engine('local', 1)) as (executor, slots):\n"
        "    assert slots == 1\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('dask', 'distributed')))\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True, cwd=tmp_path
    )
    assert finished.stdout.strip() == "[]"


def test_a_worker_runs_its_models_on_one_thread(tmp_path: Path) -> None:
    """A worker is one core: its settings ask the models for one thread, which their
    sessions get (onnxruntime's default is a thread per core)."""
    from reportedly.attribution.tagger import load_tagger

    assert Settings().threads == 1
    tagger = load_tagger("shipped", Settings().threads)
    assert tagger is not None and tagger.session.get_session_options().intra_op_num_threads == 1
    assert load_tagger("shipped").session.get_session_options().intra_op_num_threads == 0
