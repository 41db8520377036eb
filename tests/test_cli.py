"""The command line as a user runs it: files, stdin, formats and bad inputs. Each case runs in
this process through click's CliRunner (the ``cli`` fixture); one smoke test runs the real
``python -m reportedly`` process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import Result

from test_verbs import VERBS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PASSAGE = "Lavrov told reporters that the proposal was unacceptable.\n"


Invoke = Callable[..., Result]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """``python -m reportedly ARGS`` in a process of its own, for what needs one (argv bytes,
    a killed process, the entry point itself)."""
    return subprocess.run(
        [sys.executable, "-m", "reportedly", *args], input=stdin, capture_output=True, check=False
    )


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("reportedly.data").joinpath("extraction.schema.json").read_text())


def records(output: str | bytes) -> list[dict]:
    if isinstance(output, bytes):
        output = output.decode()
    return [json.loads(line) for line in output.splitlines()]


def test_extract_files_to_jsonl_validates_against_schema(cli: Invoke, schema, tmp_path):
    article = tmp_path / "lavrov-briefing.txt"
    article.write_text(PASSAGE, encoding="utf-8")
    result = cli("extract", str(article), "--published", "2024-12-26")
    assert result.exit_code == 0, result.stderr
    [record] = records(result.stdout)
    jsonschema.validate(record, schema)
    assert record["doc_id"] == "lavrov-briefing"
    assert record["published"] == "2024-12-26"
    [attribution] = record["attributions"]
    assert attribution["cue"] == {"start": 7, "end": 11, "text": "told"}
    assert attribution["addressee"]["text"] == "reporters"


def test_examples_all_validate(cli: Invoke, schema):
    result = cli("extract", *sorted(str(path) for path in EXAMPLES.glob("*.txt")))
    assert result.exit_code == 0, result.stderr
    output = records(result.stdout)
    assert [record["doc_id"] for record in output] == [
        "lavrov-talks",
        "summit-liveblog#1",  # a live blog of one post: its record is the post's
        "zelenskiy-interview",
    ]
    # What each example gives (2026-12-04): the count of attributions and the speakers named.
    assert {
        record["doc_id"]: (
            len(record["attributions"]),
            sorted({a["speaker"]["name"] for a in record["attributions"] if a["speaker"]}),
        )
        for record in output
    } == {
        "lavrov-talks": (7, ["Russia", "Sergei Lavrov"]),
        "summit-liveblog#1": (5, ["Germany", "Olaf Scholz", "Viktor Orban"]),
        "zelenskiy-interview": (8, ["Reuters", "Russia", "Volodymyr Zelenskiy"]),
    }
    for record in output:
        jsonschema.validate(record, schema)
        text = (EXAMPLES / f"{record['page'] or record['doc_id']}.txt").read_bytes().decode("utf-8")
        offset = record["page_offset"] or 0  # a post's offsets count from its start in the page
        spans = [
            span
            for attribution in record["attributions"]
            for span in [attribution["cue"], attribution["source"], *attribution["content"]]
            if span
        ]
        assert len(spans) >= 2 * len(record["attributions"])
        assert [text[offset + span["start"] : offset + span["end"]] for span in spans] == [
            span["text"] for span in spans
        ]


def test_stdin_and_text_format(cli: Invoke):
    result = cli("extract", "-", "--format", "text", stdin=PASSAGE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "== stdin (1 attributions)",
        "Lavrov [RUSGOV] | told | that the proposal was unacceptable  [to reporters]",
    ]


def test_output_file(cli: Invoke, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(PASSAGE, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = cli("extract", str(article), "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert records(target.read_bytes())[0]["doc_id"] == "a"


def test_bad_inputs_are_reported_and_the_rest_processed(cli: Invoke, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PASSAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le ministre a déclaré".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    folder = tmp_path / "folder"
    folder.mkdir()
    missing = tmp_path / "missing.txt"
    inputs = [empty, binary, latin1, huge, folder, missing, good]
    result = cli("extract", *map(str, inputs))
    assert result.exit_code == 1
    assert [record["doc_id"] for record in records(result.stdout)] == ["good"]
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"reportedly: error: {empty}: empty input",
        f"reportedly: error: {binary}: binary data (NUL bytes), not a text document",
        f"reportedly: error: {latin1}: not valid UTF-8 (byte 0xe9 at offset 15)",
        f"reportedly: error: {huge}: too large (50.0 MB): the limit is 20 MB, raise it with --max-size",
        f"reportedly: error: {folder}: folder holds no .txt, .html or .jsonl files",
        f"reportedly: error: {missing}: no such file",
        "reportedly: 6 inputs failed; the rest were extracted",
    ]


def test_failed_run_does_not_clobber_existing_output(cli: Invoke, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n", encoding="utf-8")
    result = cli("extract", str(tmp_path / "missing.txt"), "-o", str(target), "--model", "no_such_model")
    assert result.exit_code != 0
    assert "no_such_model" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous results\n"


def test_bad_date_is_refused(cli: Invoke):
    result = cli("extract", "-", "--published", "26/12/2024", stdin=PASSAGE)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_plover_format_writes_one_event_record_per_line(cli: Invoke):
    result = cli(
        "extract", "-", "--format", "plover", "--published", "2024-12-26",
        stdin="Russia demanded that Ukraine withdraw its troops first.\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["event"], record["event_text"], record["date"]) == ("REQUEST", "demanded", "2024-12-26")
    assert record["text"] == "Russia demanded that Ukraine withdraw its troops first."
    assert [party["code"] for party in record["actor"]] == ["RUSGOV"]
    assert [party["country"] for party in record["recipient"]] == ["UKR"]


def test_cli_codes_with_a_users_verb_dictionary(cli: Invoke, tmp_path: Path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(VERBS)  # from tests/test_verbs.py
    result = cli("extract", "-", "--verbs", str(verbs), stdin="Russia rushed grain to Egypt on Monday.\n")
    assert result.exit_code == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert (event["event_type"], event["trigger"]["text"]) == ("AID", "rushed")
    broken = tmp_path / "broken.txt"
    broken.write_text("no verbs here\n")
    result = cli("extract", "-", "--verbs", str(broken), stdin="Arnor rushed grain.\n")
    assert result.exit_code != 0
    assert (
        result.stderr.strip().splitlines()[-1]
        == f"reportedly: error: {broken}: no verb blocks ('--- VERB [code] ---') found"
    )


def test_extract_reads_html_pages_and_json_lines(cli: Invoke, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks</title></head><body><nav>Home | World</nav><article>"
        "<p>Russian Foreign Minister Sergei Lavrov told reporters on Thursday that the proposal "
        "was unacceptable to Moscow.</p></article></body></html>"
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": PASSAGE, "id": "first"})
        + "\n"
        + "{broken\n"
        + json.dumps({"text": PASSAGE})
        + "\n"
    )
    result = cli("extract", str(page), str(feed))
    assert result.exit_code == 1
    extracted = records(result.stdout)
    assert [record["doc_id"] for record in extracted] == ["page", "first", "feed.jsonl:3"]
    (attribution,) = extracted[0]["attributions"]
    assert (attribution["cue"]["text"], attribution["speaker"]["name"]) == ("told", "Sergei Lavrov")
    broken = "malformed JSON (Expecting property name enclosed in double quotes, column 2)"
    assert result.stderr.strip().splitlines() == [
        f"reportedly: error: {feed}:2: {broken}",
        "reportedly: 1 input failed; the rest were extracted",
    ]


def test_usage_errors_are_one_line_and_a_group_alone_shows_its_help(cli: Invoke, tmp_path):
    missing = cli("quotes", "--db", str(tmp_path / "x.db"), "--limit", "-3")
    assert missing.exit_code == 2
    assert missing.stderr.splitlines() == [
        "reportedly: error: Invalid value for '--limit': -3 is not in the range x>=0."
    ]
    unknown = cli("bogus")
    assert (unknown.exit_code, unknown.stderr) == (2, "reportedly: error: No such command 'bogus'.\n")
    alone = cli("entities")
    assert alone.exit_code == 2
    assert "entities [OPTIONS] COMMAND [ARGS]...\n\n  The entities of a store." in alone.stderr


def test_the_installed_entry_point_extracts_a_passage_in_a_process_of_its_own(tmp_path: Path):
    """The one smoke test of the real process (``python -m reportedly``, no test patching)."""
    article = tmp_path / "briefing.txt"
    article.write_text(PASSAGE, encoding="utf-8")
    result = run("extract", str(article), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "== briefing (1 attributions)",
        "Lavrov [RUSGOV] | told | that the proposal was unacceptable  [to reporters]",
    ]
    assert result.stderr == b""


def test_extract_reads_folders_and_dates_as_ingest_does(cli: Invoke, tmp_path):
    folder = tmp_path / "briefings"
    (folder / "older").mkdir(parents=True)
    (folder / "2025-05-12-lavrov.txt").write_text(PASSAGE, encoding="utf-8")
    peskov = "Published: 2024-12-24\n\nPeskov told reporters that the sanctions would not work.\n"
    (folder / "older" / "peskov.txt").write_text(peskov, encoding="utf-8")
    (folder / "SOURCES.tsv").write_text("name\tsource\n", encoding="utf-8")
    result = cli("extract", folder, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [(record["doc_id"], record["published"]) for record in records(result.stdout)] == [
        ("2025-05-12-lavrov", "2025-05-12"),
        ("peskov", "2024-12-24"),
    ]
    assert result.stderr.splitlines() == [
        f"reportedly: ignored: {folder / 'SOURCES.tsv'}: "
        "not a kind of file ingest reads (.txt, .html or .jsonl)"
    ]
