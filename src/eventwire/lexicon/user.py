"""Users' own dictionaries, combined with the packaged ones as a Config asks.

Teams bring years of TABARI/PETRARCH files; by default these *add* to the packaged
dictionaries (a user's verb block folds into the packaged block of the same head, a
user's actor name is tried before a packaged name of the same length), and with
``Config.replace_dictionaries`` they are the only dictionaries, which fictional test
worlds (PETRARCH2's unit tests) need.  Each path is read as PETRARCH syntax, or as
the YAML form when it ends in ``.yaml``/``.yml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eventwire.config import Config
from eventwire.errors import DictionaryError
from eventwire.events.lexicon import EventLexicon, default_event_lexicon
from eventwire.lexicon.actors import (
    ActorDictionary,
    ActorEntry,
    AgentEntry,
    default_actor_dictionary,
    parse_actor_file,
    parse_agent_file,
)
from eventwire.lexicon.discards import Discards, parse_discard_file
from eventwire.lexicon.verbs import VerbDictionary, merge, parse_verb_file
from eventwire.lexicon.yaml_form import (
    is_yaml,
    yaml_actors,
    yaml_agents,
    yaml_discards,
    yaml_verbs,
)


def _readable(path: Path) -> Path:
    if not Path(path).is_file():
        raise DictionaryError(str(path), 0, "no such dictionary file")
    return Path(path)


def read_verbs(path: Path) -> VerbDictionary:
    """One verb file, PETRARCH syntax or YAML."""
    path = _readable(path)
    return yaml_verbs(path) if is_yaml(path) else parse_verb_file(path)


def read_actors(path: Path) -> tuple[ActorEntry, ...]:
    """One actor file, PETRARCH syntax or YAML."""
    path = _readable(path)
    return yaml_actors(path) if is_yaml(path) else parse_actor_file(path)


def read_agents(path: Path) -> tuple[AgentEntry, ...]:
    """One agent file, PETRARCH syntax or YAML."""
    path = _readable(path)
    return yaml_agents(path) if is_yaml(path) else parse_agent_file(path)


def read_discards(paths: Sequence[Path]) -> Discards:
    """All discard files, in order, as one list."""
    found = Discards()
    for path in paths:
        path = _readable(path)
        found = found + (yaml_discards(path) if is_yaml(path) else parse_discard_file(path))
    return found


def event_lexicon_for(config: Config) -> EventLexicon:
    """The event lexicon ``config`` asks for: packaged plus (or only) the user's."""
    user = [read_verbs(path) for path in config.verbs]
    discards = read_discards(config.discards)
    if config.replace_dictionaries:
        empty = VerbDictionary((), "", "")
        return EventLexicon(merge(empty, *user), {}, discards)
    base = default_event_lexicon()
    if not user and not discards.phrases:
        return base
    return EventLexicon(merge(base.verbs, *user), base.nominals, base.discards + discards)


def actor_dictionary_for(config: Config) -> ActorDictionary:
    """The actor dictionary ``config`` asks for; user entries come first so they win ties."""
    actors = tuple(e for path in config.actors for e in read_actors(path))
    agents = tuple(e for path in config.agents for e in read_agents(path))
    names = tuple(Path(p).name for p in config.actors + config.agents)
    if config.replace_dictionaries:
        return ActorDictionary(actors, agents, (), "", names)
    if not actors and not agents:
        return default_actor_dictionary()
    base = default_actor_dictionary()
    return ActorDictionary(
        actors + base.actors,
        agents + base.agents,
        base.metonyms,
        base.notice,
        names + base.origin,
    )
