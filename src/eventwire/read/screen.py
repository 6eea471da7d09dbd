"""Checks an article's text passes before it may reach the parser.

Decoding (:mod:`eventwire.read.decode`) makes sure an input is text; this module makes
sure the text is something eventwire can code in bounded time and memory, and refuses
the rest with a reason a person can act on.  Refusing is deliberate: coding a cut-off
piece of a 20 MB "article", a table of numbers or a Russian report would store an
article with wrong or no events and nobody would know why.  The limits are generous
for news (a long-form story is some 50,000 characters, a long sentence some 1,000):

* :data:`MAX_ARTICLE_CHARS` — the parser's cost grows with the text, and no news
  article comes near it; split bigger texts into records (JSONL, CSV);
* :data:`MAX_SENTENCE_CHARS` — a run of text with no sentence end (``.``, ``!``,
  ``?``, ``…``, ``;``) and no line break; the event stage's cost grows with the
  square of a sentence's length, so one endless sentence could stall a batch;
* *prose*: at least half of the whitespace-separated tokens of a longer text must be
  words (a table, code, a data dump has mostly numbers and symbols);
* *English*: a longer text must contain English function words (``the``, ``of``,
  ``said`` …); eventwire's dictionaries and parser are English only.

Short texts (fewer than :data:`MIN_TOKENS_TO_JUDGE` tokens) are not judged on prose or
English words: a headline or a one-line record says too little to tell.  A text whose
letters are mostly of another script (Cyrillic, Arabic, CJK …) is refused however
short, from :data:`MIN_LETTERS_TO_JUDGE` letters on.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from eventwire.errors import ReadFailure

MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text coded (characters); spaCy's own default limit is the same."""

MAX_SENTENCE_CHARS = 10_000
"""Longest run of text without a sentence end or line break (characters)."""

MIN_TOKENS_TO_JUDGE = 40
"""Texts with fewer whitespace-separated tokens pass the prose and language checks."""

MIN_LETTERS_TO_JUDGE = 20
"""Texts with fewer letters pass the script check (a short quote in another script)."""

MIN_WORD_SHARE = 0.5
"""Share of tokens that must be words for a text to count as prose."""

MIN_ENGLISH_SHARE = 0.04
"""Share of words that must be English function words; English news has 15–45 %,
French, German, Spanish or Italian news below 2 % (``a``, ``an``, ``in`` and ``on`` are left
out of the list: those languages use them too)."""

_SENTENCE_END = re.compile(r"[.!?…;。！？\r\n\u2028\u2029]")
_WORD = re.compile(r"[\"'“‘«(\[]*[^\W\d_]+(?:['’\-.][^\W\d_]+)*[.,;:!?\"'”’»)\]]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "is", "was", "were", "are", "be", "been", "has", "have",
    "had", "that", "this", "which", "who", "for", "with", "as", "by", "at", "from", "it",
    "its", "he", "she", "they", "his", "her", "their", "not", "but", "said", "says",
    "will", "would", "after", "over",
))  # fmt: skip
_SCRIPT_SAMPLE = 5000
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def screen_article(text: str, name: str) -> None:
    """Raise :class:`ReadFailure` when ``text`` should not be coded (see the module notes)."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise ReadFailure(
            name,
            f"article too long ({len(text):,} characters > {MAX_ARTICLE_CHARS:,} limit); "
            "split it into several articles",
        )
    longest = longest_sentence_run(text)
    if longest > MAX_SENTENCE_CHARS:
        raise ReadFailure(
            name,
            f"a sentence of {longest:,} characters without a full stop or line break "
            f"(> {MAX_SENTENCE_CHARS:,} limit): not prose that can be coded",
        )
    _check_language_and_prose(text, name)


def _check_language_and_prose(text: str, name: str) -> None:
    script = _main_script(text)
    if script is not None:
        raise ReadFailure(name, f"not English text (mostly {script} letters); "
                                "eventwire codes English only")
    tokens = text.split()
    if len(tokens) < MIN_TOKENS_TO_JUDGE:
        return
    words = [token for token in tokens if _WORD.fullmatch(token)]
    if len(words) < MIN_WORD_SHARE * len(tokens):
        raise ReadFailure(
            name,
            f"no prose to code (only {len(words)} of {len(tokens)} tokens are words: "
            "a table, code or data?)",
        )
    english = sum(1 for word in words if _bare(word) in _FUNCTION_WORDS)
    if english < MIN_ENGLISH_SHARE * len(words):
        raise ReadFailure(name, "not English text (few English words); "
                                "eventwire codes English only")


def longest_sentence_run(text: str) -> int:
    """Characters in the longest stretch without a sentence end or line break."""
    longest, previous = 0, 0
    for match in _SENTENCE_END.finditer(text):
        longest = max(longest, match.start() - previous)
        previous = match.end()
    return max(longest, len(text) - previous)


def _bare(word: str) -> str:
    found = _LETTERS.search(word)
    return found.group().lower() if found else ""


def _main_script(text: str) -> str | None:
    """The script most letters are written in, when it is not Latin (``Cyrillic``, ``CJK``).

    Judged on the first letters only, and only when there are enough of them to tell;
    scripts without spaces between words (Chinese, Japanese, Thai) are caught here
    however few tokens the text has.
    """
    sample = text[:_SCRIPT_SAMPLE]
    ascii_part = sample.encode("ascii", "ignore")
    if len(sample) - len(ascii_part) <= len(ascii_part.translate(None, _NOT_ASCII_LETTERS)):
        return None  # no script can outnumber the ASCII (Latin) letters: most English text
    scripts: Counter[str] = Counter()
    for char in sample:
        if char.isalpha():  # an ASCII letter is Latin: no name lookup for most letters
            script = "LATIN" if char.isascii() else unicodedata.name(char, "OTHER").split()[0]
            scripts[script] += 1
    letters = sum(scripts.values())
    if letters < MIN_LETTERS_TO_JUDGE:
        return None
    script, count = scripts.most_common(1)[0]
    if script == "LATIN" or count <= letters / 2:
        return None
    return script.title() if len(script) > 3 else script
