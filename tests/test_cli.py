"""The command line end to end, as a user runs it: files, stdin, formats and bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from test_verbs import VERBS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PASSAGE = "Lavrov told reporters that the proposal was unacceptable.\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reportedly", *args], input=stdin, capture_output=True, check=False
    )


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("reportedly.data").joinpath("extraction.schema.json").read_text())


def records(output: bytes) -> list[dict]:
    return [json.loads(line) for line in output.decode().splitlines()]


def test_extract_files_to_jsonl_validates_against_schema(schema, tmp_path):
    article = tmp_path / "lavrov-briefing.txt"
    article.write_text(PASSAGE, encoding="utf-8")
    result = run("extract", str(article), "--published", "2024-12-26")
    assert result.returncode == 0, result.stderr
    [record] = records(result.stdout)
    jsonschema.validate(record, schema)
    assert record["doc_id"] == "lavrov-briefing"
    assert record["published"] == "2024-12-26"
    [attribution] = record["attributions"]
    assert attribution["cue"] == {"start": 7, "end": 11, "text": "told"}
    assert attribution["addressee"]["text"] == "reporters"


def test_examples_all_validate(schema):
    result = run("extract", *sorted(str(path) for path in EXAMPLES.glob("*.txt")))
    assert result.returncode == 0, result.stderr
    output = records(result.stdout)
    assert [record["doc_id"] for record in output] == [
        "lavrov-talks",
        "summit-liveblog",
        "zelenskiy-interview",
    ]
    for record in output:
        jsonschema.validate(record, schema)
        text = (EXAMPLES / f"{record['doc_id']}.txt").read_bytes().decode("utf-8")
        for attribution in record["attributions"]:
            for span in [attribution["cue"], attribution["source"], *attribution["content"]]:
                if span:
                    assert text[span["start"] : span["end"]] == span["text"]


def test_stdin_and_text_format():
    result = run("extract", "-", "--format", "text", stdin=PASSAGE.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "== stdin (1 attributions)",
        "Lavrov [RUSGOV] | told | that the proposal was unacceptable  [to reporters]",
    ]


def test_output_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(PASSAGE, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run("extract", str(article), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert records(target.read_bytes())[0]["doc_id"] == "a"


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
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
    result = run("extract", *map(str, inputs))
    assert result.returncode == 2
    assert [record["doc_id"] for record in records(result.stdout)] == ["good"]
    errors = result.stderr.decode().strip().splitlines()
    assert errors == [
        f"reportedly: error: {empty}: empty input",
        f"reportedly: error: {binary}: binary data (NUL bytes), not a text document",
        f"reportedly: error: {latin1}: not valid UTF-8 (byte 0xe9 at offset 15)",
        f"reportedly: error: {huge}: too large (50.0 MB): the limit is 20 MB, raise it with --max-size",
        f"reportedly: error: {folder}: is a directory, not a file (pass the files inside it)",
        f"reportedly: error: {missing}: no such file",
        "reportedly: 6 of 7 inputs failed",
    ]


def test_failed_run_does_not_clobber_existing_output(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n", encoding="utf-8")
    result = run("extract", str(tmp_path / "missing.txt"), "-o", str(target), "--model", "no_such_model")
    assert result.returncode != 0
    assert "no_such_model" in result.stderr.decode()
    assert target.read_text(encoding="utf-8") == "previous results\n"


def test_bad_date_is_refused():
    result = run("extract", "-", "--published", "26/12/2024", stdin=PASSAGE.encode())
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr.decode()


def test_plover_format_writes_one_event_record_per_line():
    result = run(
        "extract", "-", "--format", "plover", "--published", "2024-12-26",
        stdin=b"Russia demanded that Ukraine withdraw its troops first.\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert (record["event"], record["event_text"], record["date"]) == ("REQUEST", "demanded", "2024-12-26")
    assert record["text"] == "Russia demanded that Ukraine withdraw its troops first."
    assert [party["code"] for party in record["actor"]] == ["RUSGOV"]
    assert [party["country"] for party in record["recipient"]] == ["UKR"]


def test_cli_codes_with_a_users_verb_dictionary(tmp_path: Path):
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(VERBS)  # from tests/test_verbs.py
    result = run("extract", "-", "--verbs", str(verbs), stdin=b"Arnor rushed grain to Gondor on Monday.\n")
    assert result.returncode == 0, result.stderr
    (event,) = json.loads(result.stdout)["events"]
    assert (event["event_type"], event["trigger"]["text"]) == ("AID", "rushed")
    broken = tmp_path / "broken.txt"
    broken.write_text("no verbs here\n")
    result = run("extract", "-", "--verbs", str(broken), stdin=b"Arnor rushed grain.\n")
    assert result.returncode != 0
    assert (
        result.stderr.decode().strip().splitlines()[-1]
        == f"Error: {broken}: no verb blocks ('--- VERB [code] ---') found"
    )


def test_extract_reads_html_pages_and_json_lines(tmp_path: Path):
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
    result = run("extract", str(page), str(feed))
    assert result.returncode == 2
    extracted = records(result.stdout)
    assert [record["doc_id"] for record in extracted] == ["page", "first", "feed.jsonl:3"]
    (attribution,) = extracted[0]["attributions"]
    assert (attribution["cue"]["text"], attribution["speaker"]["name"]) == ("told", "Sergei Lavrov")
    broken = "malformed JSON (Expecting property name enclosed in double quotes, column 2)"
    assert result.stderr.decode().strip().splitlines() == [
        f"reportedly: error: {feed}:2: {broken}",
        "reportedly: 1 of 2 inputs failed",
    ]


def test_usage_errors_are_one_line_and_a_group_alone_shows_its_help(tmp_path):
    missing = run("quotes", "--db", str(tmp_path / "x.db"), "--limit", "-3")
    assert missing.returncode == 2
    assert missing.stderr.decode().splitlines() == [
        "Error: Invalid value for '--limit': -3 is not in the range x>=0."
    ]
    unknown = run("bogus")
    assert (unknown.returncode, unknown.stderr.decode()) == (2, "Error: No such command 'bogus'.\n")
    alone = run("entities")
    assert alone.returncode == 2
    assert "entities [OPTIONS] COMMAND [ARGS]...\n\n  The entities of a store." in alone.stderr.decode()
