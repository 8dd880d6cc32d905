"""spaCy's sentencizer and lookup lemmatizer, with the same rules and tables, made cheap.

spaCy's own components walk the document one ``Token`` object at a time: over a corpus
that is a Python object per token per component (the two of them cost 0.37x a warm
tokenizer pass on 400 bulk articles; these versions 0.16x). These subclasses read the
token attributes they need as one array (``Doc.to_array``), decide on plain integers, and
write the result back in one call. The decisions are spaCy's, unchanged:

- ``kg_sentencizer``: a sentence starts at the first token after a run of
  ``punct_chars`` that is neither punctuation nor one of those characters
  (``spacy.pipeline.Sentencizer.predict``);
- ``kg_lemmatizer``: the lemma is the ``lemma_lookup`` table's entry for the token's
  text, or the text itself (``spacy.pipeline.Lemmatizer.lookup_lemmatize``), with the
  table from spacy-lookups-data loaded by spaCy's own ``initialize``.

- ``kg.indonesian_tokenizer.v1``: spaCy's Indonesian tokenizer, whose 15,963 exceptions
  are 15,577 words and hyphens kept whole ("anak-anak", "year-on-year") and a few hundred
  others. spaCy compiles each exception when it builds the tokenizer (3 s, most of what
  ``spacy.blank("id")`` costs); here the hyphenated ones are a set, looked up where spaCy
  looks up its exceptions, and merged again where spaCy's exception matcher would merge
  them (inside a longer token the infixes split: "sehari-hari.Menurut").

``tests/test_entities.py`` checks all three against spaCy's components on real text.
"""

from __future__ import annotations

from functools import partial

import numpy
from spacy import registry, util
from spacy.attrs import IS_PUNCT, LEMMA, ORTH, SPACY
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer, Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


class ArraySentencizer(Sentencizer):
    """:class:`spacy.pipeline.Sentencizer` deciding on arrays of hashes."""

    def predict(self, docs):
        guesses = []
        for doc in docs:
            n = len(doc)
            doc_guesses = [False] * n
            if n:
                strings = doc.vocab.strings
                punct_ids = {strings.add(c) for c in self.punct_chars}
                start, seen_period = 0, False
                doc_guesses[0] = True
                for i, (orth, is_punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
                    in_punct_chars = orth in punct_ids
                    if seen_period and not is_punct and not in_punct_chars:
                        doc_guesses[start] = True
                        start, seen_period = i, False
                    elif in_punct_chars:
                        seen_period = True
                doc_guesses[start] = True
            guesses.append(doc_guesses)
        return guesses


MEMO_SIZE = 20_000  # words whose lemma hash the lemmatizer remembers


class ArrayLookupLemmatizer(Lemmatizer):
    """:class:`spacy.pipeline.Lemmatizer` in lookup mode, one dict lookup per token hash."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "lookup" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        table = self.lookups.get_table("lemma_lookup", {})
        strings = doc.vocab.strings
        memo: dict[int, int] = self.__dict__.setdefault("_lemma_hashes", {})  # text -> lemma
        cols = doc.to_array([ORTH, LEMMA]).tolist()
        out = []
        for orth, lemma in cols:
            if lemma and not self.overwrite:
                out.append(lemma)
                continue
            hashed = memo.get(orth)
            if hashed is None:
                # Table keys are string hashes; a missing word is its own lemma
                found = table.get(orth)
                if isinstance(found, list):
                    found = found[0]
                keep = len(memo) < MEMO_SIZE  # the common words come early; the rest cost memory
                # a remembered lemma outlives the article: its string must outlive a memory
                # zone (kg.extract.VOCAB_LIMIT), so it is kept for good (MEMO_SIZE at most)
                hashed = strings.add(found, allow_transient=not keep) if found is not None else orth
                if keep:
                    memo[orth] = hashed
            out.append(hashed)
        doc.from_array([LEMMA], numpy.asarray(out, dtype=numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory(
    "kg_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False,
                    "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
)
def make_sentencizer(nlp: Language, name: str, punct_chars, overwrite: bool, scorer):
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


@Language.factory(
    "kg_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "lookup", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
)
def make_lemmatizer(nlp: Language, name: str, model, mode: str, overwrite: bool, scorer):
    return ArrayLookupLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite,
                                 scorer=scorer)


# Chunks (whitespace-separated strings) whose tokens the tokenizer remembers. spaCy's default,
# 10,000, is full after a few hundred news articles; from then on every chunk not cached is
# cut by the affix regexes again. With 50,000, one pass over the 2,965 bulk articles took
# 8.4 s of CPU instead of 14.6 s; the peak of a 3,000-article build was 9 MiB higher (same
# tokens either way).
CACHE_SIZE = 50_000


class HyphenSetTokenizer(Tokenizer):
    """spaCy's :class:`~spacy.tokenizer.Tokenizer` with its one-token exceptions made of words
    and hyphens in a set (``hyphenated``) instead of compiled as special cases; the tokens
    are spaCy's.

    spaCy keeps an exception whole at two points: where it looks up a string (a whole
    whitespace-separated chunk, or what is left of it after prefixes and suffixes), and
    afterwards, where its exception matcher finds the tokens the exception splits into
    when the infixes cut it out of a longer chunk ("sehari-hari.Menurut" is split at the
    hyphen and the full stop, then "sehari - hari" merged). ``token_match`` is consulted
    at the first point; ``__call__`` does the second, choosing among overlapping matches
    as spaCy does (longest first, then leftmost; a span whose first or last token is
    already taken is dropped) and merging only a span written with no space inside.
    """

    def __init__(self, vocab, hyphenated: frozenset[str], **kwargs):
        # a builtin, not a Python function: spaCy calls it for every chunk it has not cached
        super().__init__(vocab, token_match=hyphenated.__contains__, **kwargs)
        self.hyphenated = hyphenated
        # words and hyphens: the affix rules cut one into at most a token per piece and hyphen
        self._longest = max((w.count("-") for w in hyphenated), default=0) * 2 + 1
        self._split: dict[str, tuple[str, ...]] = {}  # exception -> its affix tokens
        self._bare: Tokenizer | None = None
        self._hyphen = vocab.strings.add("-")

    def __reduce__(self):
        # spaCy's own passes its constructor's arguments by position, which are not these
        return (partial(HyphenSetTokenizer, rules=self.rules, prefix_search=self.prefix_search,
                        suffix_search=self.suffix_search, infix_finditer=self.infix_finditer,
                        url_match=self.url_match, max_cache_size=self.max_cache_size),
                (self.vocab, self.hyphenated))

    def _tokens_of(self, word: str) -> tuple[str, ...]:
        """The tokens the affix rules alone cut an exception into (what spaCy's exception
        matcher looks for), worked out the first time a document has them."""
        tokens = self._split.get(word)
        if tokens is None:
            if self._bare is None:
                self._bare = Tokenizer(self.vocab, prefix_search=self.prefix_search,
                                       suffix_search=self.suffix_search,
                                       infix_finditer=self.infix_finditer,
                                       url_match=self.url_match)
            tokens = self._split[word] = tuple(t.text for t in self._bare(word))
        return tokens

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        if "-" not in text:
            return doc
        cols = doc.to_array([ORTH, SPACY])
        hyphens = numpy.flatnonzero(cols[:, 0] == self._hyphen).tolist()
        if not hyphens:
            return doc
        n, reach, whole = len(doc), self._longest, self.hyphenated
        found: set[tuple[int, int]] = set()
        for h in hyphens:
            lo, hi = max(0, h - reach + 1), min(n, h + reach)
            texts = [t.text for t in doc[lo:hi]]
            for i in range(h - lo + 1):
                for j in range(h - lo + 1, min(len(texts), i + reach) + 1):
                    word = "".join(texts[i:j])
                    # (a span that crosses the hyphen has two tokens or more)
                    if word in whole and self._tokens_of(word) == tuple(texts[i:j]):
                        found.add((lo + i, lo + j))
        if not found:
            return doc
        taken: set[int] = set()
        merge = []
        for start, end in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
            if start not in taken and end - 1 not in taken:
                if not cols[start:end - 1, 1].any():  # spaCy merges only "sehari-hari"
                    merge.append((start, end))
            taken.update(range(start, end))
        if merge:
            with doc.retokenize() as retokenizer:
                for start, end in merge:
                    retokenizer.merge(doc[start:end])
        return doc


@registry.tokenizers("kg.indonesian_tokenizer.v1")
def make_tokenizer():
    """The language's own tokenizer (``spacy.language.create_tokenizer``), its one-token
    hyphenated exceptions in a set (:class:`HyphenSetTokenizer`)."""

    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        rules, hyphenated = {}, set()
        for word, tokens in defaults.tokenizer_exceptions.items():
            if "-" in word and word.replace("-", "").isalnum() and len(tokens) == 1 \
                    and set(tokens[0]) == {ORTH}:
                hyphenated.add(word)
            else:
                rules[word] = tokens
        if defaults.token_match is not None:  # Indonesian has none; HyphenSetTokenizer's is the set
            raise ValueError(f"kg.indonesian_tokenizer.v1: {nlp.lang} has a token_match")
        return HyphenSetTokenizer(
            nlp.vocab, frozenset(hyphenated), rules=rules,
            prefix_search=util.compile_prefix_regex(defaults.prefixes).search
            if defaults.prefixes else None,
            suffix_search=util.compile_suffix_regex(defaults.suffixes).search
            if defaults.suffixes else None,
            infix_finditer=util.compile_infix_regex(defaults.infixes).finditer
            if defaults.infixes else None,
            url_match=defaults.url_match, max_cache_size=CACHE_SIZE)

    return create
