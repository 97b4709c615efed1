"""The sync configuration: which sources are enabled, where they live, and the user's choices.

One TOML file, `aijournal/config.toml` in the platform's config folder (XDG on Linux;
$AIJOURNAL_CONFIG points elsewhere). Read with tomllib; written by the small writer below, which
knows only the keys sync uses, into a file only its owner can read (0600).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from journal.errors import BadInput

APP_NAME = "aijournal"
FILE_NAME = "config.toml"
DEFAULT_CONFIDENCE = 0.8


# Plain classes, not dataclasses: importing dataclasses (and inspect with it) would cost a sync
# with nothing new a fifth of its time (bench/sync.py).
class SourceConfig:
    __slots__ = ("enabled", "paths", "me")

    def __init__(
        self, enabled: bool = False, paths: list[str] | None = None, me: str | None = None
    ) -> None:
        self.enabled = enabled
        self.paths: list[str] = [] if paths is None else paths  # none: the default places
        self.me = me  # calendar: the user's address among the attendees

    def __repr__(self) -> str:
        return f"SourceConfig(enabled={self.enabled!r}, paths={self.paths!r}, me={self.me!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SourceConfig):
            return NotImplemented
        return (self.enabled, self.paths, self.me) == (other.enabled, other.paths, other.me)


class Config:
    __slots__ = ("path", "exists", "sources", "hosts", "keep_titles", "classify_confidence")

    def __init__(
        self,
        path: str,
        exists: bool = False,
        sources: dict[str, SourceConfig] | None = None,
        hosts: dict[str, str] | None = None,
        keep_titles: bool = False,
        classify_confidence: float = DEFAULT_CONFIDENCE,
    ) -> None:
        self.path = path
        self.exists = exists  # a file was there: the user has chosen before
        self.sources: dict[str, SourceConfig] = {} if sources is None else sources
        self.hosts: dict[str, str] = {} if hosts is None else hosts  # extra AI hosts -> tool
        self.keep_titles = keep_titles
        self.classify_confidence = classify_confidence

    def __repr__(self) -> str:
        return (
            f"Config(path={self.path!r}, exists={self.exists!r}, sources={self.sources!r}, "
            f"hosts={self.hosts!r}, keep_titles={self.keep_titles!r}, "
            f"classify_confidence={self.classify_confidence!r})"
        )

    def enabled(self) -> list[str]:
        return [name for name, source in self.sources.items() if source.enabled]

    def source(self, name: str) -> SourceConfig:
        return self.sources.setdefault(name, SourceConfig())


def config_path(env: dict[str, str] | None = None) -> str:
    """$AIJOURNAL_CONFIG, else config.toml in the platform's user config folder."""
    env = dict(os.environ) if env is None else env
    chosen = env.get("AIJOURNAL_CONFIG", "").strip()
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen))
    return os.path.join(config_dir(env), FILE_NAME)


def config_dir(env: dict[str, str] | None = None) -> str:
    """The platform's user config folder for aijournal. On Linux the XDG rule, computed here
    (importing platformdirs costs more than a sync with nothing new); elsewhere platformdirs."""
    env = dict(os.environ) if env is None else env
    if sys.platform.startswith("linux"):
        base = env.get("XDG_CONFIG_HOME", "").strip() or os.path.join(_home(env), ".config")
        return os.path.join(base, APP_NAME)
    import platformdirs

    return platformdirs.user_config_dir(APP_NAME, appauthor=False)


def _home(env: dict[str, str]) -> str:
    return env.get("HOME") or os.path.expanduser("~")


def load(path: str | None = None) -> Config:
    """The configuration at path (default: config_path()); an absent file is the empty config.
    A file that is not TOML, or holds a value of the wrong kind, is one line naming it."""
    path = path or config_path()
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as err:
        raise BadInput(f"{path}: cannot be read ({err.strerror}); fix or remove it") from None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise BadInput(f"{path}: is not valid TOML ({err}); fix or remove it") from None
    config = Config(path=path, exists=True)
    config.keep_titles = _typed(data, "keep_titles", bool, False, path)
    confidence = _typed(data, "classify_confidence", (int, float), DEFAULT_CONFIDENCE, path)
    if isinstance(confidence, bool) or not 0 <= confidence <= 1:
        raise BadInput(f"{path}: classify_confidence {confidence!r} is not accepted; use 0 to 1")
    config.classify_confidence = float(confidence)
    hosts = _typed(data, "hosts", dict, {}, path)
    for host, tool in hosts.items():
        if not isinstance(tool, str) or not tool.strip():
            raise BadInput(f"{path}: hosts.{host} must be the tool's name, as a string")
        config.hosts[host.strip().lower()] = tool.strip()
    for name, table in _typed(data, "sources", dict, {}, path).items():
        if not isinstance(table, dict):
            raise BadInput(f"{path}: sources.{name} must be a table ([sources.{name}])")
        where = f"sources.{name}"
        paths = _typed(table, "paths", list, [], path, where)
        if not all(isinstance(p, str) for p in paths):
            raise BadInput(f"{path}: {where}.paths must be a list of strings")
        me = _typed(table, "me", str, None, path, where)
        config.sources[name] = SourceConfig(
            enabled=_typed(table, "enabled", bool, False, path, where), paths=paths, me=me
        )
    return config


def _typed(
    table: dict,
    key: str,
    kind: type | tuple[type, ...],
    default: object,
    path: str,
    where: str = "",
) -> Any:
    value = table.get(key, default)
    if value is not None and not isinstance(value, kind):
        name = f"{where}.{key}" if where else key
        raise BadInput(f"{path}: {name} = {value!r} is not accepted; fix or remove it")
    return value


def save(config: Config) -> None:
    """Write the configuration whole: a new file beside the old, then renamed over it, so a
    crash leaves the old or the new one; readable by its owner only."""
    folder = os.path.dirname(config.path) or "."
    os.makedirs(folder, mode=0o700, exist_ok=True)
    temp = f"{config.path}.new-{os.getpid()}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(dumps(config))
        os.chmod(temp, 0o600)
        os.replace(temp, config.path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    config.exists = True


def dumps(config: Config) -> str:
    """The TOML text of a configuration (only the keys sync knows)."""
    lines = [
        "# aijournal sync: which sources are read, and how (`aijournal sources` edits it).",
        f"keep_titles = {_bool(config.keep_titles)}",
        f"classify_confidence = {config.classify_confidence!r}",
        "",
        "# Extra AI sites: host = the tool's name.",
        "[hosts]",
        *(f"{_string(host)} = {_string(tool)}" for host, tool in sorted(config.hosts.items())),
    ]
    for name, source in sorted(config.sources.items()):
        lines += ["", f"[sources.{_string(name)}]", f"enabled = {_bool(source.enabled)}"]
        if source.paths:
            lines.append("paths = [" + ", ".join(_string(p) for p in source.paths) + "]")
        if source.me:
            lines.append(f"me = {_string(source.me)}")
    return "\n".join(lines) + "\n"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _string(value: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
