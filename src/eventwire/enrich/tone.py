"""Tone on GDELT's scale: how positive or negative the words around an event are.

GDELT's tone is the share of positive words minus the share of negative words, in
percent, so it runs from -100 to +100 and most news sits between -10 and +10.  The
word valences come from VADER, a maintained sentiment lexicon shipped inside the
``vaderSentiment`` package (no download); its rules for negation and intensifiers
("not good", "very bad") decide each word's share.  An article's tone is the mean
of its sentences' tones weighted by their length, as GDELT counts words over the
whole document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@dataclass(frozen=True)
class ToneScorer:
    """Scores texts with one loaded VADER analyser (its lexicon loads in ~0.1 s)."""

    analyser: Any

    def score(self, text: str) -> float:
        """GDELT-scale tone of ``text``: 100 × (positive share − negative share)."""
        if not text.strip():
            return 0.0
        shares = self.analyser.polarity_scores(text)
        return round(100.0 * (float(shares["pos"]) - float(shares["neg"])), 2)

    def weighted(self, texts: Iterable[str]) -> float:
        """The length-weighted mean tone of several texts (an article's sentences)."""
        return weighted_tone((text, self.score(text)) for text in texts)


def weighted_tone(scored: Iterable[tuple[str, float]]) -> float:
    """The length-weighted mean of texts' tones already scored, which an article's
    sentences are: VADER is the costliest part of the stage, so each is scored once."""
    total = weight = 0.0
    for text, tone in scored:
        words = len(text.split())
        total += words * tone
        weight += words
    return round(total / weight, 2) if weight else 0.0


@lru_cache(maxsize=1)
def load_tone() -> ToneScorer:
    """The packaged VADER lexicon, loaded once per process."""
    return ToneScorer(SentimentIntensityAnalyzer())
