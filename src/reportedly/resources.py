"""Everything an extraction reads besides the text, built once from the run's options.

One :class:`Resources` goes to every stage (``reportedly.stages``): the spaCy model's
name, the cue lexicon, the actor coder and the office holders (with a user's ``--actors``
file), the event verb dictionaries (with a user's ``--verbs``), the gendered words, the
learned tagger, the speaker ranker and the pronoun model.
Nothing configurable is cached at module level, so two runs with different options in one
process do not see each other's; tests build their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportedly.attribution.lexicon import DEFAULT_CUE_RATE, Lexicon, load_lexicon
from reportedly.attribution.tagger import AttributionTagger, TaggerError, load_tagger
from reportedly.events.detection import EventVerbs
from reportedly.events.verbs import VerbFileError, read_verb_dictionary, shipped_verbs
from reportedly.nlp.encoder import ENCODER_THREADS, EncoderError, SentenceEncoder, load_encoder
from reportedly.nlp.onnx import ALL_CORES
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, ModelError
from reportedly.positions.issues import IssueBook, IssueFileError, load_issues
from reportedly.positions.learned import (
    PositionModel,
    PositionModelError,
    load_position_model,
    shipped_model_path,
)
from reportedly.resolve.actors import ActorCoder, load_coder
from reportedly.resolve.offices import OfficeHolders, TitleReader, load_office_holders, title_reader
from reportedly.resolve.pronouns import PronounModel, PronounModelError, load_pronoun_model
from reportedly.resolve.ranker import Chooser, RankerError, load_ranker
from reportedly.resolve.speakers import Genders, read_genders


@dataclass(frozen=True, slots=True)
class Resources:
    model: str  # the spaCy pipeline's name
    lexicon: Lexicon
    coder: ActorCoder
    verbs: EventVerbs
    genders: Genders  # first names, honorifics and titles to "m" or "f"
    tagger: AttributionTagger | None  # None: the rules alone
    offices: OfficeHolders  # who held an office on a day, with the actors file's `offices:`
    titles: TitleReader  # titles to offices, with the coder's country names
    ranker: Chooser | None  # the learned scorer of pronouns' and descriptions' referents; None: rules
    # The learned scorer of third-person pronouns' antecedents: ``eval gap``'s, and the speaker
    # resolver's where its rules find no antecedent; None: the rules alone.
    pronouns: PronounModel | None
    # The issues statements take positions on (data/issues.yaml with a user's --issues), and
    # the sentence encoder that embeds statements for them; None: issues by pattern alone.
    issues: IssueBook
    encoder: SentenceEncoder | None
    # The learned issue assigner and stance classifier over the rules' readings; None: the
    # rules alone (a user's issues file, no encoder, or none shipped).
    positions: PositionModel | None = None

    @classmethod
    def load(
        cls,
        model: str = DEFAULT_MODEL,
        tagger: str = DEFAULT_TAGGER,
        actors: Path | None = None,
        verbs: Path | None = None,
        min_cue_rate: float = DEFAULT_CUE_RATE,
        ranker: str = "shipped",
        pronouns: str = "shipped",
        issues: Path | None = None,
        encoder: str = "shipped",
        positions: str = "shipped",
        threads: int = ALL_CORES,
    ) -> Resources:
        """Build the resources of a run. ``tagger``: ``"shipped"``, a trained tagger's folder
        or ``"none"``; ``actors``: a user's actors file over the shipped tables; ``verbs``: a
        PETRARCH verb dictionary to code events with before the project's own triggers;
        ``ranker``: ``"shipped"``, a speaker ranker's JSON file or ``"none"`` (the rules);
        ``pronouns``: ``"shipped"``, a pronoun model's folder or ``"none"`` (not loaded);
        ``issues``: a user's issues file over the shipped one; ``encoder``: ``"shipped"``, an
        exported sentence encoder's folder or ``"none"`` (issues by their patterns alone);
        ``positions``: ``"shipped"`` (if any), a positions model's JSON file or ``"none"``
        (the rules), used only with the shipped issues and an encoder; ``threads``: how many
        threads each learned model's operations run on (0: one per core; the sentence
        encoder's one, ``ENCODER_THREADS``)."""
        try:
            user_verbs = read_verb_dictionary(verbs) if verbs else None
            learned = load_tagger(tagger, threads)
            pronoun_model = load_pronoun_model(pronouns, threads)
            speaker_ranker = (
                None if ranker == "none" else load_ranker(None if ranker == "shipped" else Path(ranker))
            )
            issue_book = load_issues(issues)
            sentence_encoder = (
                None if encoder == "none" else load_encoder(encoder, threads or ENCODER_THREADS)
            )
            shipped_positions = positions == "shipped" and shipped_model_path().is_file()
            position_model = (
                load_position_model(None if shipped_positions else Path(positions), issue_book.names())
                if issues is None
                and sentence_encoder is not None
                and (shipped_positions or positions not in {"shipped", "none"})
                else None
            )
        except (
            VerbFileError,
            TaggerError,
            RankerError,
            PronounModelError,
            IssueFileError,
            EncoderError,
            PositionModelError,
        ) as error:
            raise ModelError(str(error)) from None
        if sentence_encoder is not None:
            issue_book.embed_examples(sentence_encoder)
        coder = ActorCoder(actors) if actors else load_coder()
        return cls(
            model=model,
            lexicon=load_lexicon(min_cue_rate),
            coder=coder,
            verbs=EventVerbs(user_verbs, shipped_verbs()),
            genders=read_genders(),
            tagger=learned,
            offices=load_office_holders(actors),
            titles=title_reader(coder),
            ranker=speaker_ranker,
            pronouns=pronoun_model,
            issues=issue_book,
            encoder=sentence_encoder,
            positions=position_model,
        )
