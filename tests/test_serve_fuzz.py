"""Property-based fuzzing of the JSON API from its own OpenAPI document (schemathesis): every
operation of /openapi.json, through the ASGI app, on the store of test_serve_api's articles,
with a bounded number of examples each. No answer is a 500, and every answer has a status,
a content type and a body that the document lists for that operation."""

from __future__ import annotations

import secrets

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from starlette.applications import Starlette

from reportedly.extract import Extractor
from reportedly.serve.app import create_app
from reportedly.serve.openapi import openapi_document

from conftest import articles_store
from test_serve_api import ARTICLES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
# Examples per operation: the fuzz of the twelve operations stays under half a minute.
EXAMPLES = 30


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Starlette:
    folder = tmp_path_factory.mktemp("fuzz")
    store = articles_store(folder, ARTICLES, extractor)
    # Both posts offered: extraction (a posted text is extracted, nothing stored) and ingest,
    # to a token no example holds (each is refused with a 401, as the document says).
    token = secrets.token_hex(16)
    return create_app(
        store, allow_extract=True, allow_ingest=True, token=token, load_extractor=lambda: extractor
    )


# The document the app serves at /openapi.json (test_serve_api checks they are one), read
# without an app: schemathesis's loader from a fixture reads a node id pytest 9 no longer has.
schema = schemathesis.openapi.from_dict(openapi_document())


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case: schemathesis.Case, app: Starlette) -> None:
    # A value of the documented type can still be refused with a documented 400 (a speaker
    # no one is, FTS5 syntax FTS5 refuses): the acceptance of every such value is not asked.
    case.call_and_validate(app=app, excluded_checks=[positive_data_acceptance])
