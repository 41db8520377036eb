"""First-person sources resolved to the writer a text names, on passages written for the project."""

from __future__ import annotations

from reportedly.extract import Extractor
from reportedly.model import Document, Extraction
from reportedly.resolve.writers import byline, signature

from conftest import speaker_of_span


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Document(doc_id="passage", text=text))


def speaker_of(extraction: Extraction, source: str) -> str | None:
    attribution = next(a for a in extraction.attributions if a.source and a.source.text == source)
    return attribution.speaker.name if attribution.speaker else None


def test_an_op_ed_i_is_the_author_its_closing_note_names(extractor: Extractor):
    extraction = extract(
        extractor,
        "Party unity is a two-way street.\n\n"
        "Bernie Sanders has run a campaign about ideas. I believe that he understands this moment.\n\n"
        "Rep. Raul Grijalva, D-Ariz., was an early backer of Bernie Sanders.",
    )
    assert speaker_of(extraction, "I") == "Raul Grijalva"


def test_a_letter_i_is_the_reader_who_signs_it(extractor: Extractor):
    text = (
        "LETTERS.\n\nThe senator blamed the press for the polls. "
        "I think the press is doing its job.\n\nRichard Hays Powell.\n\nGainesville, Fla.\n\n"
        "I think the debate was a mess.\n\n@hotflesh.\n\nTWITTER.\n\n"
    )
    extraction = extract(extractor, text)
    firsts = [a for a in extraction.attributions if a.source and a.source.text == "I"]
    speakers = [a.speaker.name if a.speaker else None for a in firsts]
    assert speakers == ["Richard Hays Powell", "@hotflesh"]
    handle = text.index("@hotflesh")
    assert signature(text, text.index("I think the debate")) == (handle, handle + len("@hotflesh"))
    assert signature("I think so.\n\nTWITTER.\n", 0) is None


def test_an_excerpt_i_is_the_author_its_credit_names(extractor: Extractor):
    extraction = extract(
        extractor,
        "That night, I said that the government had tried to put me away.\n\n"
        "From STEALING AMERICA by Dinesh D'Souza. Reprinted courtesy of Broadside Books.",
    )
    assert speaker_of(extraction, "I") == "Dinesh D'Souza"


def test_a_byline_names_the_writer_and_an_unsigned_i_stays_null(extractor: Extractor):
    text = "Why the vote matters.\n\nBy Jane Roe\n\nI said so."
    assert byline(text) == (text.index("Jane"), text.index("Jane") + len("Jane Roe"))
    extraction = extract(
        extractor,
        "Twitter is for sale again. Analysts doubt a deal will come soon.\n\n"
        "I can't say my own use has been prolific, but I think the company should wait.",
    )
    assert all(a.speaker is None for a in extraction.attributions if a.source and a.source.text == "I")


def test_an_i_inside_a_quotation_is_not_the_writer(extractor: Extractor):
    text = (
        "The mayor spoke at length. “The city is broke, and I think the council knows it.\n\n"
        "Rep. Raul Grijalva, D-Ariz., is an early backer of Bernie Sanders."
    )
    start = text.index(" I ") + 1
    assert speaker_of_span(extractor, text, start, start + 1) is None
    unquoted = text.replace("“", "")
    start = unquoted.index(" I ") + 1
    assert speaker_of_span(extractor, unquoted, start, start + 1) == "Raul Grijalva"
