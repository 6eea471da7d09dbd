"""eventwire: explainable political event data from news text."""

from eventwire.config import Config
from eventwire.model import (
    ActorMention,
    Article,
    CodedArticle,
    CodeInfo,
    Dateline,
    Event,
    Evidence,
    Modality,
    ReadError,
    Sentence,
    Speaker,
)

__all__ = [
    "ActorMention",
    "Article",
    "CodeInfo",
    "CodedArticle",
    "Config",
    "Dateline",
    "Event",
    "Evidence",
    "Modality",
    "ReadError",
    "Sentence",
    "Speaker",
]
__version__ = "0.1.0"
