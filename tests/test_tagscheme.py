from reportedly.attribution.tagscheme import LABELS, bio_tags, tagged_spans

TEXT = "Lavrov said talks had failed ."
TOKENS = [(0, 6), (7, 11), (12, 17), (18, 21), (22, 28), (29, 30)]
SPANS = [("SOURCE", (0, 6)), ("CUE", (7, 11)), ("CONTENT", (12, 28))]


def test_labels_are_bio_over_three_roles():
    assert LABELS == ("O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE", "B-CONTENT", "I-CONTENT")


def test_spans_become_tags_and_back():
    tags = bio_tags(TOKENS, SPANS)
    assert tags == ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "O"]
    assert tagged_spans(TOKENS, tags) == SPANS
    assert [TEXT[a:b] for _, (a, b) in tagged_spans(TOKENS, tags)] == ["Lavrov", "said", "talks had failed"]


def test_two_content_parts_start_with_b_and_stray_inside_tags_still_make_spans():
    tags = bio_tags(TOKENS, [("CONTENT", (0, 6)), ("CONTENT", (12, 21))])
    assert tags == ["B-CONTENT", "O", "B-CONTENT", "I-CONTENT", "O", "O"]
    assert tagged_spans(TOKENS, ["O", "I-CUE", "O", "O", "O", "O"]) == [("CUE", (7, 11))]
