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

``tests/test_entities.py`` checks both against spaCy's components on real text.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, LEMMA, ORTH
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer, Sentencizer
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
                hashed = memo[orth] = strings.add(found) if found is not None else orth
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
