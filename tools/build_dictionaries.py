"""Compile eventwire's packaged dictionaries from the public lexicons.

Usage: python tools/build_dictionaries.py --lexicons PATH/TO/lexicons --out src/eventwire/data

Reads PETRARCH2's CAMEO verb dictionary and the Phoenix actor and agent
dictionaries (MIT, Open Event Data Alliance), and the CAMEO, GDELT and PLOVER
code tables, and writes the compiled files that ship inside the package, each
carrying the notice and licence of its source.  The compiled files are committed,
so users and tests never need the sources.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.codes.build import build_code_tables
from eventwire.lexicon.actors import build_default as build_actors
from eventwire.lexicon.verbs import build_default as build_verbs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicons", type=Path, required=True, help="the lexicons folder")
    parser.add_argument("--out", type=Path, required=True, help="the package data folder")
    args = parser.parse_args()
    written = [build_verbs(args.lexicons, args.out)]
    written.extend(build_actors(args.lexicons, args.out))
    written.append(build_code_tables(args.lexicons, args.out))
    for path in written:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
