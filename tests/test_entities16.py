"""Names made whole before they are linked (branch ner16): headline words cut from names,
nicknames in quotes, organisations' names NER cut short, a surname the tagger read as a
modal, a first name that shares the next one's surname, honorifics' genders, names in
apposition to a source. Passages written for these tests."""

from __future__ import annotations

from conftest import speakers_by_source


def _entities(extraction) -> dict[str, tuple[str, int]]:
    return {entity.name: (entity.type, len(entity.mentions)) for entity in extraction.entities}


def test_a_headline_verb_is_cut_from_the_names_around_it(resolve):
    text = (
        "Maria Lopez Endorses Tom Becker In Senate Race\n\n"
        "Denver mayor Maria Lopez endorsed Tom Becker on Monday. The endorsement surprised "
        'many. Becker thanked her at a rally. "I am grateful," Becker said.'
    )
    entities = _entities(resolve(text))
    assert not any("Endorses" in name for name in entities)
    assert entities["Tom Becker"][0] == "PERSON"
    assert entities["Tom Becker"][1] >= 3


def test_a_nickname_in_quotes_stays_inside_the_name(resolve):
    text = (
        "Former Army ranger Robert “Bobby” Kessler testified on Tuesday. Kessler said the "
        "base had never been warned. He added that the guards had asked for help twice."
    )
    extraction = resolve(text)
    entities = _entities(extraction)
    assert entities["Robert “Bobby” Kessler"][0] == "PERSON"
    assert speakers_by_source(extraction)["He"] == "Robert “Bobby” Kessler"


def test_an_organisation_keeps_its_possessive_and_its_last_word(resolve):
    text = (
        "The radio spots were paid for by Our Future Forward PAC, a group that opposes the "
        "plan. The group said it would spend $2 million in Ohio."
    )
    assert "Our Future Forward PAC" in _entities(resolve(text))


def test_a_first_name_before_a_couple_s_surname_and_honorifics_tell_them_apart(resolve):
    text = (
        "The parents, Tariq and Noor Haddad, spoke at the rally on Thursday. Mr. Haddad "
        "said the family was grateful for the support. Ms. Haddad said she had not slept."
    )
    speakers = speakers_by_source(resolve(text))
    assert speakers["Mr. Haddad"] == "Tariq Haddad"
    assert speakers["Ms. Haddad"] == "Noor Haddad"


def test_a_surname_the_tagger_reads_as_a_modal(resolve):
    text = (
        "Columnist George Will wrote on Sunday that the plan would fail. While Will "
        "acknowledges the risks of waiting, he argues that the party must act now."
    )
    extraction = resolve(text)
    assert _entities(extraction)["George Will"][1] == 2
    assert speakers_by_source(extraction)["he"] == "George Will"


def test_a_name_in_apposition_to_a_source_s_head(resolve):
    text = (
        "The Minister of Health, Agnes Buzyn, urged the French to be careful in the heat. "
        "She recalled that the heat wave of 2003 had killed thousands."
    )
    assert speakers_by_source(resolve(text))["She"] == "Agnes Buzyn"
