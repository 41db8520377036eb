"""The JSON Schema of `reportedly extract`'s records says field for field what the model writes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from reportedly.model import Extraction

# A passage with an attribution of each part (cue, source, content, addressee, channel), a
# nested one, an entity with an actor code, a time and an event.
PASSAGE = (
    "Russian Foreign Minister Sergei Lavrov told reporters on Thursday that Moscow rejected "
    'the proposal. Reuters reported that Lavrov said "the talks are over."\n'
)


def object_schemas(node: Any, path: str = "#") -> list[tuple[str, dict[str, Any]]]:
    """Every object schema (one with properties) in ``node``, with its path."""
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append((path, node))
        for key, value in node.items():
            found += object_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += object_schemas(value, f"{path}[{index}]")
    return found


def schema() -> dict[str, Any]:
    return json.loads(resources.files("reportedly.data").joinpath("extraction.schema.json").read_text())


def test_every_object_is_closed_and_requires_all_its_fields():
    objects = object_schemas(schema())
    # the record, span, attribution, speaker, a group speaker's member, entity, actor, time,
    # event, parties, stance, the party a stance demands of
    assert len(objects) == 13
    for path, node in objects:
        assert node.get("additionalProperties") is False, path
        assert sorted(node.get("required", [])) == sorted(node["properties"]), path


def test_a_record_with_every_kind_of_item_matches_the_schema_field_for_field(extract):
    extraction: Extraction = extract(PASSAGE)
    record = extraction.to_dict()
    assert record["attributions"] and record["entities"] and record["times"] and record["events"]
    assert any(attribution["parent"] for attribution in record["attributions"])
    assert any(attribution["addressee"] for attribution in record["attributions"])
    jsonschema.validate(record, schema())  # closed objects: no field the schema does not name


def test_docs_name_every_field_of_the_schema():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
    fields = {
        f"{path}/{name}": name for path, node in object_schemas(schema()) for name in node["properties"]
    }
    assert sorted(path for path, name in fields.items() if f"`{name}`" not in docs) == []


def test_the_model_reads_back_what_it_writes(extract):
    extraction: Extraction = extract(PASSAGE)
    record = json.loads(json.dumps(extraction.to_dict()))
    assert Extraction.from_dict(record, PASSAGE).to_dict() == record
