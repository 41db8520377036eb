"""On passages written for the project (issue 18, branch spk16): one whose words are only
named ("Senator Paul Brandt's criticism of the plan") is not the last to speak, so a "he said"
after it is the one who spoke before; a person just introduced with an apposition ("Wes
Holloway, a farmer from Iowa") is the "he" of the quote that follows; a relative whose noun
is in apposition to a name speaks for the name, not for a place inside the noun's phrase;
a document's maker is found through a passive ("a lawsuit had been filed by ...", "an email
was sent from the club's treasurer, ..."), and a newspaper's name by its last word ("the
Ashford Gazette": an outlet); "the agency" is the agency that was the subject just before,
not one named further back that spoke last. All fail on main a1a11a4."""

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


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            "The committee said on Monday that a lawsuit had been filed by Daniel Okafor, a former "
            "staff member. Okafor was dismissed in March. The suit says he was punished for "
            "refusing partisan work.",
            "The suit",
            "Daniel Okafor",
        ),
        (
            "According to the Herald, an email was sent from the club's treasurer, Maria Lindqvist, "
            "to the members. The club will close in June. The email said the dues would end at once.",
            "The email",
            "Maria Lindqvist",
        ),
        (
            # The newspaper is the Gazette, not the wire service of the dateline.
            "ASHFORD (AP) - The mayor of Ashford met flood victims on Tuesday, the Ashford Gazette "
            'reported. "We will rebuild every house," said Mayor Tom Rhee. The newspaper said the '
            "city had spent $2 million on repairs.",
            "The newspaper",
            "Ashford Gazette",
        ),
        (
            "The Labor Department said on Friday that hiring slowed in May. The Federal Reserve, "
            "meanwhile, kept its benchmark rate unchanged. The agency said inflation was still too high.",
            "The agency",
            "Federal Reserve",
        ),
    ],
)
def test_documents_makers_newspapers_agencies(resolve, text, source, speaker):
    assert speakers(resolve(text, DAY))[source] == speaker
