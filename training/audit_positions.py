"""Draw the seeded label-audit sample of the positions training sets, and count two conventions.

    python training/audit_positions.py [--size 250] [--seed 14] [--conventions]

The sample (branch ``stance14``): ``--size`` records drawn at random across train.jsonl,
train2.jsonl, train3.jsonl and train4.jsonl, each file's share proportional to its size
(largest remainders), printed one record to a paragraph with its labels, to be judged against
docs/position-annotation.md from the text alone. The judgments and their counts are in
eval/positions/TRAIN.md ("Label audit"). ``--conventions`` counts, over every training file,
how two of the guide's rules are applied: a condition that names another issue labels that
issue too ("no talks until Russia withdraws": territory), and the lifting of sanctions given as
the condition makes the sanctions pair ``demands``. It changes nothing. Never run it on
eval/positions/gold.jsonl.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from reportedly.eval.jsonl import read_json_lines

FOLDER = Path("eval/positions")
SAMPLED = ["train", "train2", "train3", "train4"]
ALL = [*SAMPLED, "train5", "train6", "train7", "tuning", "check"]
# Words by which a condition names another issue (a rough net: what it prints is read by hand).
CONDITION_ISSUES = {
    "ceasefire": r"ceasefire|truce|halt to (the )?fighting",
    "sanctions": r"sanction",
    "territory": r"withdraw|pull(s|ed)? out",
    "prisoner_exchange": r"hostage|prisoner|detainee",
    "humanitarian_aid": r"\baid\b|humanitarian",
    "elections": r"election",
}
LIFTING = re.compile(r"lift|eas(e|ing)|relief|remov", re.IGNORECASE)


def records(name: str) -> list[dict]:
    return read_json_lines(FOLDER / f"{name}.jsonl", "training statement", dict)


def sample(size: int, seed: int) -> list[tuple[str, dict]]:
    sets = {name: records(name) for name in SAMPLED}
    total = sum(len(recs) for recs in sets.values())
    quota = {name: size * len(recs) / total for name, recs in sets.items()}
    share = {name: int(q) for name, q in quota.items()}
    for name in sorted(SAMPLED, key=lambda n: share[n] - quota[n])[: size - sum(share.values())]:
        share[name] += 1
    rng = random.Random(seed)
    drawn = []
    for name in SAMPLED:
        picked = set(rng.sample(range(len(sets[name])), share[name]))
        drawn += [(name, rec) for i, rec in enumerate(sets[name]) if i in picked]
    return drawn


def labels(rec: dict) -> str:
    parts = []
    for pair in rec["issues"]:
        extra = pair["condition"] or pair["demanded_of"]
        parts.append(f"{pair['issue']}={pair['stance']}" + (f" [{extra}]" if extra else ""))
    return "; ".join(parts) or "[]"


def conventions() -> None:
    for name in ALL:
        named, lifting = Counter(), Counter()
        for rec in records(name):
            have = {pair["issue"]: pair for pair in rec["issues"]}
            for pair in rec["issues"]:
                condition = pair["condition"] or ""
                for issue, words in CONDITION_ISSUES.items():
                    if issue != pair["issue"] and re.search(words, condition, re.IGNORECASE):
                        named["labelled" if issue in have else "missing"] += 1
                        if issue not in have:
                            print(f"  {rec['id']}: condition {condition!r} names {issue}, not labelled")
                if "sanction" in condition.lower() and LIFTING.search(condition):
                    stance = have["sanctions"]["stance"] if "sanctions" in have else "no sanctions pair"
                    lifting[stance] += 1
                    print(f"  {rec['id']}: condition {condition!r}: sanctions {stance}")
        print(f"{name}: a condition naming another issue {dict(named)}; sanctions lifted {dict(lifting)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=250)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--conventions", action="store_true", help="count two conventions instead")
    args = parser.parse_args()
    if args.conventions:
        conventions()
        return
    for number, (name, rec) in enumerate(sample(args.size, args.seed)):
        print(f"#{number} {name} {rec['id']} | {rec['text']}")
        print(f"   speaker: {rec['speaker']} | content: {rec['content']}")
        print(f"   => {labels(rec)}")


if __name__ == "__main__":
    main()
