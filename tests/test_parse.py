"""Parsing keeps sentences inside paragraphs and maps them back to article offsets."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.errors import ModelNotFound
from eventwire.model import Article
from eventwire.parse import load_pipeline, parse_articles, split_long


def _article(doc_id: str, text: str) -> Article:
    spans = []
    start = 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return Article(id=doc_id, text=text, paragraphs=tuple(spans))


def test_sentences_never_cross_paragraphs(nlp: Language) -> None:
    text = "A heading without a stop\n\nThe minister spoke. She left early"
    (parsed,) = parse_articles([_article("a", text)], nlp)
    assert [s.text for s in parsed.sentences] == [
        "A heading without a stop",
        "The minister spoke.",
        "She left early",
    ]
    assert all(text[s.span[0] : s.span[1]] == s.text for s in parsed.sentences)
    assert [s.paragraph for s in parsed.sentences] == [0, 1, 1]


def test_batches_keep_articles_apart_and_in_order(nlp: Language) -> None:
    articles = [_article(str(n), f"Story {n} begins.\n\nIt ends here.") for n in range(7)]
    articles.insert(3, Article(id="empty", text="", paragraphs=()))
    parsed = list(parse_articles(articles, nlp, batch_size=2))
    assert [p.article.id for p in parsed] == [a.id for a in articles]
    assert [len(p.sentences) for p in parsed] == [2, 2, 2, 0, 2, 2, 2, 2]


def test_long_paragraphs_are_cut_at_whitespace() -> None:
    text = "word " * 50
    pieces = split_long(0, len(text), text, limit=32)
    assert all(end - start <= 32 for start, end in pieces)
    assert "".join(text[s:e] + " " for s, e in pieces).split() == text.split()


def test_a_missing_pipeline_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFound, match="no_such_pipeline"):
        load_pipeline("no_such_pipeline")


@pytest.mark.parametrize(("text", "joined", "subject"), [
    ("Myanmar ’ s Supreme Court on Tuesday rejected the appeal .", "’ s", "Court"),
    ("Mr . Sisi has rejected the appeals .", "Mr .", "Sisi"),
    ("US Ambassador John R . Bass promised Kenya ' s support .", "R .", "Bass"),
    ("Some 30 , 000 Irish soldiers served in Lebanon .", "30 , 000", "soldiers"),
])
def test_text_written_token_by_token_is_parsed_as_words(
    nlp: Language, text: str, joined: str, subject: str
) -> None:
    doc = nlp(text)
    assert doc.text == text, "offsets stay those of the input"
    assert joined in [t.text for t in doc]
    assert len(list(doc.sents)) == 1
    assert [t.text for t in doc if t.dep_ == "nsubj"] == [subject]


@pytest.mark.parametrize("text", [
    "Rebels attacked Nicaragua ’ s main port on Monday .",
    "Rebels attacked Nicaragua ' s main port on Monday .",
])
def test_a_spaced_possessive_is_parsed_as_one(nlp: Language, text: str) -> None:
    """Joined, "’ s" is read as the possessive ending, not as a quotation mark: the
    country possesses the port rather than being a second object of the verb."""
    doc = nlp(text)
    nicaragua = next(t for t in doc if t.text == "Nicaragua")
    assert (nicaragua.dep_, nicaragua.head.text) == ("poss", "port")
    assert next(t for t in doc if t.text.endswith("s") and " " in t.text).tag_ == "POS"


def test_written_text_is_left_as_the_tokenizer_splits_it(nlp: Language) -> None:
    text = "Myanmar's Supreme Court rejected the appeal of Mr. Sisi in St. Louis, 3, 4."
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.make_doc(text)]
