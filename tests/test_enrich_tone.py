"""Tone on GDELT's scale from the VADER lexicon."""

from __future__ import annotations

from eventwire.enrich.tone import load_tone


def test_tone_has_the_sign_of_the_words_and_stays_on_the_scale() -> None:
    tone = load_tone()
    hostile = tone.score("The brutal attack killed many and destroyed the town.")
    friendly = tone.score("The leaders warmly welcomed the successful peace agreement.")
    assert hostile < 0 < friendly
    assert hostile >= -100 and friendly <= 100
    assert tone.score("") == 0.0


def test_article_tone_weighs_sentences_by_length() -> None:
    tone = load_tone()
    short_bad = "War is terrible."
    long_neutral = "The committee met on a weekday in the usual room of the old building."
    mean = tone.weighted([short_bad, long_neutral])
    assert tone.score(short_bad) < mean <= 0
