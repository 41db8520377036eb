"""On passages written for the project (issue 18, branch spk16): one whose words are only
named ("Senator Paul Brandt's criticism of the plan") is not the last to speak, so a "he said"
after it is the one who spoke before; a person just introduced with an apposition ("Wes
Holloway, a farmer from Iowa") is the "he" of the quote that follows; a relative whose noun
is in apposition to a name speaks for the name, not for a place inside the noun's phrase.
All fail on main a1a11a4."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import speakers_by_source as speakers

DAY = date(2016, 9, 1)


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            # A nominal attribution between the speaker and his "he said".
            'Governor Mark Marsh spoke to supporters in Dayton on Friday. "We will fix the roads," '
            "Marsh said. Senator Paul Brandt's criticism of the plan drew jeers from the room. "
            '"The senator has never driven on these roads," he said.',
            "he",
            "Mark Marsh",
        ),
        (
            # The one whose criticism is named is the object of the governor's scorn.
            "Governor Mark Marsh spoke to supporters in Dayton on Friday. Marsh found an easy "
            "target in Senator Paul Brandt's criticism of the plan. "
            '"The senator has never driven on these roads," he said.',
            "he",
            "Mark Marsh",
        ),
        (
            # Introduced with an apposition just before the quote: the new person speaks.
            'Senator Paul Brandt spoke on Sunday in Ames. "We will win," Brandt said. The rally '
            "drew a crowd of two thousand, among them Wes Holloway, a farmer from Iowa. "
            '"I voted for him twice," he said.',
            "he",
            "Wes Holloway",
        ),
        (
            # "who" is the farmer, Holloway, not Iowa.
            'Senator Paul Brandt spoke on Sunday in Ames. "We will win," Brandt said. The rally '
            "was organised by Wes Holloway, a farmer from Iowa who backs the senator.",
            "who",
            "Wes Holloway",
        ),
    ],
)
def test_previous_speaker_and_introductions(resolve, text, source, speaker):
    assert speakers(resolve(text, DAY))[source] == speaker
