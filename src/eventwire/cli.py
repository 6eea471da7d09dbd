"""Command line: thin commands over the library."""

from __future__ import annotations

import click


@click.group()
def main() -> None:
    """eventwire: code news text into CAMEO/PLOVER events."""
