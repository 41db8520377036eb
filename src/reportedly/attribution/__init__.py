"""Attribution stages: cues, spans, linking, and the learned tagger that steers them."""

from spacy.tokens import Doc

# What the chunk stages (reportedly.stages) leave on each parsed chunk: the tagger's output
# (if it ran), then the attributions.
for _name in ("tagging", "attributions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
