"""On passages written for the project (issue 18, branch spk13): pronoun speakers on wire
stories from several countries and beats, and titles after a quote that addresses someone
("So Donald Trump, ..."). The Modi passage is a known error: the extractor takes "Modi, 73,
thanked voters" for the words of the "He" after it, so Modi is no candidate (a fix was tried
and not kept: docs/evaluation.md, spk13)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import speakers_by_source as speakers

DAY = date(2024, 6, 4)


@pytest.mark.xfail(strict=True, reason="the extractor takes the sentence before for the He's words")
def test_a_pronoun_after_a_speaker_whose_sentence_the_extractor_took_as_content(resolve):
    found = speakers(
        resolve(
            "Prime Minister Narendra Modi's party was set to fall short of a majority. Its "
            "president, J.P. Nadda, told workers that voters had given Modi a third term.\n\n"
            'Modi, 73, thanked voters in a post on X. He called the result "a historic feat" '
            "for the alliance.",
            DAY,
        )
    )
    assert found["Modi, 73"] == "Narendra Modi"
    assert found["He"] == "Narendra Modi"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            "Kenyan President William Ruto met opposition leader Raila Odinga in Nairobi on Monday. "
            "Ruto, 57, praised the talks in a speech to parliament. He said the country needed unity "
            "after the protests.",
            "He",
            "William Ruto",
        ),
        (
            "Manchester City manager Pep Guardiola said on Friday that Erling Haaland would miss the "
            "derby. Guardiola spoke to reporters at the club's training ground. He said the striker "
            "had a hamstring injury.",
            "He",
            "Pep Guardiola",
        ),
        (
            "Astronomer Jane Rigby, who leads the telescope's science team, showed the first images "
            "on Tuesday. Rigby thanked the engineers who built the mirror, among them Lee Feinberg. "
            "She said the pictures exceeded every hope.",
            "She",
            "Astronomer Jane Rigby",
        ),
        (
            "Brazilian President Luiz Inacio Lula da Silva received Finance Minister Fernando Haddad "
            "at the palace. Lula later defended the budget in a radio interview. He said spending on "
            "the poor was an investment.",
            "He",
            "Luiz Inacio Lula da Silva",
        ),
        (
            "Toyota chief executive Koji Sato presented the results in Tokyo, flanked by chairman "
            "Akio Toyoda. Sato apologised for the certification scandal. He said the company would "
            "overhaul its testing.",
            "He",
            "Koji Sato",
        ),
        (
            "Coco Gauff beat Aryna Sabalenka in the final on Saturday. Gauff, 19, thanked her parents "
            "in the stands. She said the win meant everything to her.",
            "She",
            "Coco Gauff",
        ),
        (
            "Judge Amy Berman Jackson sentenced Paul Manafort to 43 months on Wednesday. Manafort "
            "asked for leniency in a short statement. He said he was sorry for what he had done.",
            "He",
            "Paul Manafort",
        ),
        (
            "Florida Governor Ron DeSantis toured the damage in Fort Myers with FEMA chief Deanne "
            "Criswell. DeSantis urged residents to stay off the roads. He said power would be "
            "restored within days.",
            "He",
            "Ron DeSantis",
        ),
        (
            "Nigerian central bank governor Olayemi Cardoso raised rates on Tuesday, weeks after "
            "Finance Minister Wale Edun presented the budget. Cardoso told reporters that inflation "
            "remained too high. He said the bank would act again if needed.",
            "He",
            "Olayemi Cardoso",
        ),
        (
            'Tennis star Serena Williams spoke after her loss on Saturday. "Congratulations, Naomi '
            'Osaka, you played better," Williams said on court. She added that she would be back '
            "next year.",
            "She",
            "Serena Williams",
        ),
    ],
)
def test_a_subject_pronoun_goes_on_with_the_one_who_spoke(resolve, text, source, speaker):
    assert speakers(resolve(text, DAY))[source] == speaker


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            'Former Florida governor Jeb Bush spoke in Las Vegas on Tuesday. "So Donald Trump, you '
            'cannot insult your way to the presidency," the former governor said.',
            "the former governor",
            "Jeb Bush",
        ),
        (
            'Chancellor Olaf Scholz met President Emmanuel Macron in Paris. "Emmanuel, we stand '
            'together," the German leader said at a news conference.',
            "the German leader",
            "Olaf Scholz",
        ),
        (
            'Prime Minister Anthony Albanese hosted Chinese Premier Li Qiang in Canberra. "Thank '
            'you, Premier Li Qiang, for your visit," the Australian leader said. He added that '
            "trade had recovered.",
            "He",
            "Anthony Albanese",
        ),
        (
            'German Chancellor Olaf Scholz addressed parliament in Berlin on Wednesday. "Thank you, '
            'Friedrich Merz, for your question," Scholz said. The chancellor then said the budget '
            "would hold.",
            "The chancellor",
            "Olaf Scholz",
        ),
    ],
)
def test_a_title_after_a_quote_that_addresses_someone(resolve, text, source, speaker):
    assert speakers(resolve(text, DAY))[source] == speaker
