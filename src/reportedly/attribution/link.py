"""Stage 3: link cues, sources and contents into attributions, with quotes, kinds and nesting.

The steps, in order: the rules' cues and quotations; a draft per cue, from the rules
(``rule_drafts``) or, with the learned tagger's output, from its spans reconciled with the
rules (``tagged_drafts``); then the passes across sentences (``cross_sentence``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from reportedly.attribution.cross_sentence import (
    assign_parents,
    continuation_quotes,
    floating_quotes,
    part_of_outer,
)
from reportedly.attribution.cues import find_cues
from reportedly.attribution.drafts import to_attribution
from reportedly.attribution.learned import confirmed_cues
from reportedly.attribution.lexicon import Lexicon
from reportedly.attribution.quotes import find_quotes
from reportedly.attribution.rule_drafts import draft_for
from reportedly.attribution.tagged_drafts import tagged_drafts, untagged_rule_drafts
from reportedly.attribution.tagscheme import Tagging
from reportedly.model import Attribution


def link_attributions(
    doc: Doc, text: str, lexicon: Lexicon, tagging: Tagging | None = None
) -> list[Attribution]:
    """All attributions in ``doc`` (whose text is ``text``), in text order, with ids ``a1``, ``a2``, ...

    With ``tagging`` (the learned tagger's output) the cues and spans are the tagged
    ones and the rules link them; without it the rules find everything.
    """
    quotes = find_quotes(text)
    cues = find_cues(doc, lexicon)
    if tagging is None:
        drafts = [d for d in (draft_for(cue, text, lexicon, quotes) for cue in cues) if d]
    else:
        confirmed = confirmed_cues(doc, text, cues, tagging, lexicon)
        drafts = tagged_drafts(text, lexicon, quotes, confirmed, tagging)
        drafts += untagged_rule_drafts(text, lexicon, quotes, cues, tagging, drafts)
        # Doubtful drafts go only now: what they claimed is not left for a rule cue to take.
        drafts = [d for d in drafts if d.confidence >= tagging.min_confidence]
    drafts.sort(key=lambda d: d.start)
    continuation_quotes(doc, text, drafts, quotes)
    drafts += floating_quotes(drafts, quotes)
    drafts.sort(key=lambda d: d.start)
    assign_parents(drafts)
    # A nested draft stands on strong evidence, and only as someone else's act.
    standing = [d for d in drafts if d.parent is None or (d.reliable and not part_of_outer(doc, d, lexicon))]
    if len(standing) < len(drafts):
        drafts = standing
        assign_parents(drafts)
    return [to_attribution(draft, index, text) for index, draft in enumerate(drafts)]
