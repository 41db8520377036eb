"""The positions a reader would write from the ceasefire stories in examples/, decided by
reading the stories before the positions stage ever ran on them (issue 21)."""

from __future__ import annotations

# (story, speaker as named in the story, issue, stance a reader gives, demanded_of or None)
READER_POSITIONS: list[tuple[str, str, str, str, str | None]] = [
    # "Moscow would not accept any ceasefire proposal that ignored 'the realities on the ground'"
    ("lavrov-talks.txt", "Lavrov", "ceasefire", "opposes", None),
    # "Ankara is ready to host a new round of negotiations in Istanbul"
    ("lavrov-talks.txt", "Turkish", "negotiations", "supports", None),
    # "Ankara was ready to host a new round of negotiations between Russia and Ukraine"
    ("turkey-talks.html", "Fidan", "negotiations", "supports", None),
    # "welcomed the offer but insisted that any talks must take into account 'the realities ...'"
    ("turkey-talks.html", "Lavrov", "negotiations", "demands", None),
    # "insisted the country would never give up land in exchange for peace"
    ("zelenskiy-interview.txt", "Zelenskiy", "territory", "opposes", None),
    # "Kyiv needed more air defence systems before winter"
    ("zelenskiy-interview.txt", "Zelenskiy", "military_aid", "demands", None),
    # "We cannot negotiate while missiles fall on our cities"
    ("zelenskiy-interview.txt", "Zelenskiy", "negotiations", "opposes", None),
    # "the Kremlin insisted it was open to dialogue"
    ("zelenskiy-interview.txt", "Kremlin", "negotiations", "supports", None),
    # "Berlin expects the sanctions package to be approved this week"
    ("summit-liveblog.txt", "Scholz", "sanctions", "supports", None),
    # "Ukraine would not give up any territory in exchange for a ceasefire"
    ("wire-feed.jsonl", "Zelenskiy", "territory", "opposes", None),
    # ... "A pause that rewards the invader is not peace."
    ("wire-feed.jsonl", "Zelenskiy", "ceasefire", "opposes", None),
    # "Kyiv was ready to discuss a prisoner exchange"
    ("wire-feed.jsonl", "Zelenskiy", "prisoner_exchange", "supports", None),
    # "Moscow expected Kyiv to accept 'the new territorial realities.'"
    ("wire-feed.jsonl", "Lavrov", "territory", "demands", "Kyiv"),
    # "new European sanctions would not change Russia's position in the talks"
    ("wire-feed.jsonl", "Peskov", "sanctions", "opposes", None),
]
