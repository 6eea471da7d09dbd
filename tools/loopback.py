"""What the API benchmark and the load test share: made-up articles and a local server.

The articles are written for these tools from templates (no news text is copied);
the server is ``eventwire serve`` in a child process bound to 127.0.0.1 only.
"""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

COUNTRIES = ["Germany", "France", "Poland", "Russia", "Ukraine", "China", "Japan", "India",
             "Kenya", "Uganda", "Brazil", "Mexico", "Turkey", "Egypt", "Canada", "Spain"]
TEMPLATES = [
    "{a} invited {b} to talks on trade and energy in the capital on {day}.",
    "The foreign minister of {a} met his counterpart from {b} to discuss border security.",
    "{a} accused {b} of violating the ceasefire along the northern frontier.",
    "Officials in {a} said the government would send humanitarian aid to {b} next week.",
    "{a} condemned {b} for the arrest of two journalists, the ministry said in a statement.",
    "Troops from {a} shelled positions held by {b} overnight, killing three soldiers.",
    "The president of {a} praised {b} for its help after the floods.",
    "{a} threatened {b} with new sanctions if the talks failed.",
    "Police in {a} detained dozens of protesters who marched against the new tax law.",
    "{a} and {b} signed an agreement to expand cooperation on health and education.",
    "{a} rejected a proposal from {b} to hold a referendum in the disputed region.",
    "The prime minister of {a} urged {b} to release the detained aid workers.",
    "Analysts expect the economy of {a} to grow slowly this year as exports fall.",
    "{a} recalled its ambassador from {b} after the expulsion of two diplomats.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(words: int, seed: int) -> str:
    """A made-up article of at least ``words`` words, in paragraphs of three sentences."""
    rng = random.Random(seed)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        a, b = rng.sample(COUNTRIES, 2)
        sentences.append(rng.choice(TEMPLATES).format(a=a, b=b, day=rng.choice(DAYS)))
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def local_server(db: Path, startup_seconds: float = 180) -> Iterator[str]:
    """``eventwire serve`` on a free loopback port; yields its base URL, stops it after."""
    port = free_port()
    command = [str(Path(sys.executable).with_name("eventwire")), "serve", "--db", str(db),
               "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with {process.returncode}")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start in time")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
