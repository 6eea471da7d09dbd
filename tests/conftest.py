"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.config import DEFAULT_MODEL
from eventwire.parse import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)
