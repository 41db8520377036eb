"""What ``eval gap`` gives the pronoun model for names A and B (``model_names``): each name at
its offset, none for a name binding bars."""

from __future__ import annotations

import pytest

from reportedly.eval.gap import Candidate, GapExample, model_names
from reportedly.model import Range
from reportedly.nlp.pipeline import load_spacy


def example(text: str, pronoun: str, a: str, b: str) -> GapExample:
    return GapExample(
        id="t-1",
        text=text,
        pronoun=pronoun,
        pronoun_offset=text.rindex(f" {pronoun}") + 1,
        a=Candidate(a, text.index(a), True),
        b=Candidate(b, text.index(b), False),
    )


@pytest.mark.parametrize(
    ("text", "pronoun", "a", "b", "names"),
    [
        # the object pronoun is not its own verb's subject: Ferguson is barred
        (
            "Ferguson met Walter Frost in May and dominated him.",
            "him",
            "Ferguson",
            "Walter Frost",
            [[], [Range(13, 25)]],
        ),
        # nothing binds a possessive to either name
        (
            "Anna Berg met Carla Holt in Oslo, and her speech opened the summit.",
            "her",
            "Anna Berg",
            "Carla Holt",
            [[Range(0, 9)], [Range(14, 24)]],
        ),
        # a subject pronoun is no name its clause holds: "He told Jones"
        (
            "Smith arrived late. He told Jones that the vote had failed.",
            "He",
            "Smith",
            "Jones",
            [[Range(0, 5)], []],
        ),
    ],
)
def test_model_names_bar_what_binding_forbids(
    text: str, pronoun: str, a: str, b: str, names: list[list[Range]]
) -> None:
    passage = example(text, pronoun, a, b)
    assert model_names(passage, load_spacy()(text)) == names
