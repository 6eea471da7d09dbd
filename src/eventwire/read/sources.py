"""What the user named → the files to read, each with its kind and article id.

An input is ``-`` (standard input), an existing path (a file of any extension, or a
folder), or else a glob pattern (``**`` recurses).  Folders are walked recursively in
sorted order, keeping files with a known extension and skipping hidden files and
folders; symbolic links to folders are not followed, so a link loop cannot hang a run.
A file reached twice (a folder and a glob overlapping) is read once.

An article read from a file is identified by the file's stem, which is stable and
readable.  Stems that clash within a run get as many parent folders as needed to tell
them apart (``2022/report`` and ``2023/report``).
"""

from __future__ import annotations

import glob
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from eventwire.model import ReadError
from eventwire.read.decode import os_reason
from eventwire.read.feed_file import looks_like_feed
from eventwire.read.gz import inner_path
from eventwire.read.html import looks_like_html

STDIN = "-"
STDIN_ID = "stdin"
KINDS = MappingProxyType(
    {
        ".txt": "text",
        ".text": "text",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".html": "html",
        ".htm": "html",
        ".rss": "feed",
        ".atom": "feed",
    }
)
"""Reader kind by file extension; these (also with ``.gz`` added) are the files a folder
is searched for."""

RECORD_KINDS = frozenset({"jsonl", "csv"})
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One thing to read.  ``kind`` None means: decide by looking at the content."""

    name: str
    path: Path | None
    kind: str | None
    doc_id: str


def kind_of(path: Path) -> str | None:
    """The reader kind by extension; a ``.gz`` file takes the extension under it."""
    return KINDS.get(inner_path(path).suffix.lower())


def known_file(path: Path) -> bool:
    """Whether a folder walk takes the file: a known extension, possibly gzip-compressed."""
    return kind_of(path) is not None


def sniff_kind(text: str) -> str:
    """``html``, ``feed`` (other XML), ``jsonl`` (every non-empty line starts with ``{``)
    or ``text``."""
    if looks_like_html(text):
        return "html"
    if looks_like_feed(text):
        return "feed"
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and all(line.lstrip().removeprefix("\ufeff").startswith("{") for line in lines):
        return "jsonl"
    return "text"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk_folder(root: Path) -> list[Path]:
    """Files with a known extension under ``root``, sorted, hidden ones skipped."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root, followlinks=False):
        subfolders[:] = sorted(d for d in subfolders if not _hidden(d))
        found.extend(
            Path(folder, f) for f in files if not _hidden(f) and known_file(Path(f))
        )
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _expand_path(item: str, path: Path) -> list[Path | ReadError]:
    if path.is_dir():
        files = walk_folder(path)
        if not files:
            known = " ".join(KINDS)
            return [ReadError(item, f"no readable files in the folder (looked for {known})")]
        return list(files)
    if path.is_file():
        return [path]
    return [ReadError(item, "not a regular file")]


def _expand_glob(item: str) -> list[Path | ReadError]:
    matches = sorted(glob.glob(item, recursive=True))
    if not matches:
        return [ReadError(item, "no files match the pattern")]
    expanded: list[Path | ReadError] = []
    for match in matches:
        path = Path(match)
        expanded.extend(walk_folder(path) if path.is_dir() else [path])
    return expanded


def _expand(item: str) -> list[Path | ReadError]:
    path = Path(item)
    try:
        if path.exists():
            return _expand_path(item, path)
        if _GLOB_CHARS & set(item):
            return _expand_glob(item)
    except OSError as exc:
        return [ReadError(item, os_reason(exc))]
    return [ReadError(item, "no such file or directory")]


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def assign_ids(paths: Sequence[Path]) -> list[str]:
    """File stems, lengthened with parent folders where stems clash (see the notes)."""
    parts = [(*path.absolute().parts[1:-1], inner_path(path).stem) for path in paths]
    depth = [1] * len(paths)
    while True:
        ids = ["/".join(p[-d:]) for p, d in zip(parts, depth, strict=True)]
        counts = Counter(ids)
        clashes = [
            i for i, doc_id in enumerate(ids) if counts[doc_id] > 1 and depth[i] < len(parts[i])
        ]
        if not clashes:
            break
        for index in clashes:
            depth[index] += 1
    counts = Counter(ids)
    return [
        doc_id + path.suffix if counts[doc_id] > 1 else doc_id
        for doc_id, path in zip(ids, paths, strict=True)
    ]


def _unique_paths(items: Sequence[str]) -> Iterator[str | Path | ReadError]:
    seen: set[str] = set()
    for item in items:
        if item == STDIN:
            yield ReadError(STDIN, "standard input named more than once") if item in seen else item
            seen.add(STDIN)
            continue
        for found in _expand(item):
            if isinstance(found, Path):
                key = _key(found)
                if key in seen:
                    continue
                seen.add(key)
            yield found


def expand_sources(inputs: Sequence[str]) -> list[Source | ReadError]:
    """Every input expanded into sources (or errors), in the order given."""
    found = list(_unique_paths([str(item) for item in inputs]))
    files = [
        (index, item)
        for index, item in enumerate(found)
        if isinstance(item, Path) and kind_of(item) not in RECORD_KINDS
    ]
    ids = dict(zip([i for i, _ in files], assign_ids([p for _, p in files]), strict=True))
    sources: list[Source | ReadError] = []
    for index, item in enumerate(found):
        if isinstance(item, ReadError):
            sources.append(item)
        elif isinstance(item, Path):
            doc_id = ids.get(index, inner_path(item).stem)
            sources.append(Source(str(item), item, kind_of(item), doc_id))
        else:
            sources.append(Source(STDIN, None, None, STDIN_ID))
    return sources
