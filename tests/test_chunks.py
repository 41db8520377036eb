from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.nlp.chunks import chunk_text, estimated_tokens, join_chunks


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
    batches = [
        [index for _, index in batch] for batch in _batches(pieces, max_items=3, max_chars=30, max_tokens=30)
    ]
    assert batches == [[0, 1], [2, 3], [4, 5]]


def test_batches_are_bounded_in_estimated_tokens():
    from reportedly.extract import _batches

    # Words and marks of punctuation, whatever their length.
    texts = ["a b c d.", '" " " " "', "abcdefgh", '"a"b"', "ab, cd!"]
    assert [estimated_tokens(text) for text in texts] == [5, 5, 1, 5, 4]
    pieces = [(text, index) for index, text in enumerate(texts)]
    batches = [[index for _, index in batch] for batch in _batches(pieces, 9, max_chars=100, max_tokens=10)]
    assert batches == [[0, 1], [2, 3, 4]]


def test_chunks_end_at_a_bound_of_estimated_tokens_too():
    dense = '" ' * 20_000  # 20,000 tokens in 40,000 characters
    chunks = list(chunk_text(dense, max_chars=20_000, max_tokens=5_000))
    assert "".join(chunk for _, chunk in chunks) == dense
    assert [estimated_tokens(chunk) for _, chunk in chunks] == [4_999] * 4 + [4]
    assert all(chunk.endswith(" ") for _, chunk in chunks)  # at a space, as before
    # Text of ordinary density is cut by characters, where the token bound is never reached.
    news = "Lavrov told reporters in Moscow that the talks had failed. " * 500
    assert estimated_tokens(news[:20_000]) < 4_000
    assert list(chunk_text(news, 20_000, 5_000)) == list(chunk_text(news, 20_000, len(news)))
    # With no space to cut at, the cut falls where the bound does: before the fourth piece.
    assert [chunk for _, chunk in chunk_text("ab,cd,ef", max_chars=100, max_tokens=3)] == ["ab,cd", ",ef"]


def test_joined_chunks_are_the_document_text_with_each_chunks_parse(extractor):
    text = "Lavrov met Blinken in Geneva.\n\nThe talks went on.\n\n" + "x" * 30
    pieces = list(chunk_text(text, max_chars=25))
    chunks = list(extractor.nlp.pipe(chunk for _, chunk in pieces))
    joined = join_chunks(chunks)
    assert len(pieces) == 5 and pieces[-1][1] == "x" * 5  # the long token is cut inside
    assert joined.text == text
    assert [(ent.text, ent.start_char) for ent in joined.ents] == [
        (ent.text, ent.start_char + offset)
        for (offset, _), chunk in zip(pieces, chunks, strict=True)
        for ent in chunk.ents
    ]
    assert [sentence.start_char for sentence in joined.sents] == [
        sentence.start_char + offset
        for (offset, _), chunk in zip(pieces, chunks, strict=True)
        for sentence in chunk.sents
    ]


def test_entities_and_speakers_are_found_over_the_whole_document_not_per_chunk(extractor):
    text = (
        "Russian Foreign Minister Sergei Lavrov met reporters in Moscow on Monday.\n\n"
        "He said the proposal was unacceptable.\n\nLavrov added that the talks would go on.\n"
    )
    chunked = Extractor.from_resources(extractor.resources, chunk_chars=90)
    assert [offset for offset, _ in chunk_text(text, 90)] == [0, 75]
    extraction = chunked.extract_one(Document("two chunks", text))
    [lavrov] = [entity for entity in extraction.entities if entity.type == "PERSON"]
    assert lavrov.name == "Sergei Lavrov"
    assert [(mention.text, mention.start) for mention in lavrov.mentions] == [
        ("Sergei Lavrov", 25),
        ("Lavrov", 115),
    ]
    # "He" opens the second chunk: its antecedent is in the first.
    assert [(a.cue.text, a.speaker.entity) for a in extraction.attributions] == [
        ("said", lavrov.id),
        ("added", lavrov.id),
    ]
