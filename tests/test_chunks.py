from reportedly.model import Document
from reportedly.nlp.chunks import chunk_text


def test_chunks_cover_text_exactly_and_cut_at_paragraphs():
    text = "First paragraph here.\n\nSecond paragraph is here.\n\nThird one."
    chunks = list(chunk_text(text, max_chars=30))
    assert "".join(chunk for _, chunk in chunks) == text
    assert [offset for offset, _ in chunks] == [0, 23, 50]
    assert all(len(chunk) <= 30 for _, chunk in chunks)


def test_one_enormous_token_is_still_cut():
    chunks = list(chunk_text("x" * 25, max_chars=10))
    assert [len(chunk) for _, chunk in chunks] == [10, 10, 5]


def test_long_document_offsets_survive_chunking(extractor):
    filler = "The weather in Brussels was mild.\n\n" * 40
    text = filler + "Lavrov told reporters that the proposal was unacceptable.\n"
    extractor_small = type(extractor)(chunk_chars=500)
    [attribution] = extractor_small.extract_one(Document("long", text)).attributions
    assert text[attribution.cue.start : attribution.cue.end] == "told"
    assert attribution.cue.start == len(filler) + 7


def test_batches_are_bounded_in_items_and_characters():
    from reportedly.extract import _batches

    pieces = [("x" * size, index) for index, size in enumerate([10, 10, 25, 5, 5, 5])]
    batches = [[index for _, index in batch] for batch in _batches(pieces, max_items=3, max_chars=30)]
    assert batches == [[0, 1], [2, 3], [4, 5]]
