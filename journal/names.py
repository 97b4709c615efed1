"""People's names compared, slugged and found in text one way, for the engine and the exports.

- `key(name)` is a name's identity: NFC, casefolded, with invisible characters dropped and spaces
  collapsed, so "Zoë" typed on Linux and pasted from macOS (NFD) is one person.
- `skeleton(text)` is looser, for finding a name in free text without ever missing a spelling:
  compatibility forms folded (ﬁ -> fi, full-width letters), accents and other marks dropped,
  ß -> ss, dotted and dotless i (İ, ı) -> i, dashes, dots and underscores read as spaces.
- `slug(name)` is the ASCII form inside action ids (`reconnect-zoe-weiss`), made from the skeleton,
  so the engine that writes an id and the export that renames it agree on every spelling.
- `Scrubber` replaces every spelling of the given names in text, and their slugs in ids. It
  prefers replacing too much to missing a name (see `Scrubber` for the rules).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Mapping
from functools import lru_cache

# Letters that have no decomposition but a plain reading (Latin ones a user types without them).
_PLAIN = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
        "ĸ": "k",
        "ſ": "s",
    }
)
_SEPARATORS = frozenset("_.·")
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")  # Hangul fillers: letters that show nothing

# Scripts written without spaces between words (and Hangul, whose particles attach to names):
# a name there is found anywhere, since no word boundary marks it.
_UNSPACED = (
    (0x0E00, 0x0FFF),
    (0x1000, 0x109F),
    (0x1100, 0x11FF),
    (0x1780, 0x17FF),
    (0x2E80, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFF66, 0xFFDC),
    (0x20000, 0x3FFFF),
)
SUBSTRING_MIN = 4  # a name of this many letters or more is found inside longer words too


def _invisible(char: str) -> bool:
    """Format and control characters (zero-width spaces, joiners, bidi marks, soft hyphen, ESC)."""
    category = unicodedata.category(char)
    return category == "Cf" or (category == "Cc" and not char.isspace()) or char in _FILLERS


def key(name: str) -> str:
    """A name's identity: NFC + casefold, invisible characters dropped, whitespace collapsed."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return " ".join("".join(c for c in folded if not _invisible(c)).split())


def _mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


@lru_cache(maxsize=8192)
def _skeleton_of(char: str) -> str:
    """The skeleton of one character (possibly empty, possibly several characters)."""
    if char.isspace() or char in _SEPARATORS or unicodedata.category(char) == "Pd":
        return " "
    # Unicode's compatibility caseless form, NFKD(casefold(NFKD(casefold(NFD(c))))), then no marks
    folded = unicodedata.normalize("NFD", char).casefold()
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", folded).casefold())
    return "".join(
        " " if c.isspace() else c for c in folded if not (_mark(c) or _invisible(c))
    ).translate(_PLAIN)


def _fold(text: str) -> tuple[str, list[int]]:
    """The skeleton of text, and for each of its characters the index in text it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _skeleton_of(char):
            if piece == " " and (not chars or chars[-1] == " "):
                continue  # runs of separators read as one space
            chars.append(piece)
            origin.append(index)
    return "".join(chars), origin


def skeleton(text: str) -> str:
    """The loose form names are found by: `Zoë-Weiß` -> `zoe weiss`, `ALİ` -> `ali`."""
    return _fold(text)[0].strip()


def slug(name: str) -> str:
    """An id-safe form of a name: `Priya` -> `priya`, `Jo Ann` -> `jo-ann`, `Zoë Weiß` ->
    `zoe-weiss`; a name with no Latin letters gets a stable `p` + 8 hex digits."""
    skel = skeleton(name)
    words = re.findall(r"[a-z0-9]+", skel)
    return "-".join(words) if words else f"p{zlib.crc32(skel.encode()):08x}"


def _older_slugs(name: str) -> tuple[str, str]:
    """The slugs earlier versions wrote into action ids (intentions keep them): the engine's
    ASCII-only one (`Weiß` -> `wei`, `李` -> a hash of the raw text) and the export's casefold
    one (`José` -> `jos`)."""
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    engine = "-".join(words) if words else f"p{zlib.crc32(name.encode()):08x}"
    return engine, re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _unspaced(text: str) -> bool:
    return any(lo <= ord(c) <= hi for c in text for lo, hi in _UNSPACED)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


class Scrubber:
    """Replaces people's names in text with their labels, in every spelling.

    A name is found by its skeleton, so case, normal form (NFC, NFD, NFKC, NFKD), accents,
    invisible characters and dashes inside it never hide it. A name of `SUBSTRING_MIN` letters or
    more, one with no letter at all, or one in a script written without spaces is found inside
    longer words too ("Zoës", "meetZoë", "和王伟见面"); a shorter one only as a word of its own
    where it starts or ends with a letter, so "Ed" does not eat "logged". Whole names are found,
    as the roster spells them: "Zoë" alone is not "Zoë Weiß". A match that spells a name exactly
    (by `key`) gets that person's label, otherwise that of the first name with its skeleton.
    """

    def __init__(self, labels: Mapping[str, str]):
        self.labels = {key(name): label for name, label in labels.items() if key(name)}
        by_skeleton: dict[str, str] = {}
        for name_key, label in self.labels.items():
            skel = skeleton(name_key)
            if skel:
                by_skeleton.setdefault(skel, label)
        self._by_skeleton = by_skeleton
        alternatives = []
        for skel in sorted(by_skeleton, key=lambda s: (-len(s), s)):  # "ana lopez" before "ana"
            body = re.escape(skel)
            letters = _letters(skel)
            if 0 < letters < SUBSTRING_MIN and not _unspaced(skel):
                # a short name only as a word of its own, where it starts or ends with a letter
                body = (
                    (r"(?<![^\W_])" if skel[0].isalnum() else "")
                    + body
                    + (r"(?![^\W_])" if skel[-1].isalnum() else "")
                )
            alternatives.append(body)
        self._pattern = re.compile("|".join(alternatives)) if alternatives else None
        slugs: dict[str, str] = {}
        for name, label in labels.items():
            for each in (slug(name), *_older_slugs(name)):
                if each:
                    slugs.setdefault(each, slug(label))
        self._slugs = slugs
        self._slug_pattern = (
            re.compile(
                "|".join(
                    rf"(?<![a-z0-9]){re.escape(s)}(?![a-z0-9])"
                    for s in sorted(slugs, key=lambda s: (-len(s), s))
                )
            )
            if slugs
            else None
        )

    def label(self, name: str) -> str | None:
        """The label of a name given exactly (any case or normal form), if it is one of ours."""
        return self.labels.get(key(name))

    def sub(self, text: str) -> str:
        """Text with every spelling of every name replaced by its label."""
        if self._pattern is None or not text:
            return text
        folded, origin = _fold(text)
        out: list[str] = []
        done = 0
        for match in self._pattern.finditer(folded):
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            while end < len(text) and not _skeleton_of(text[end]):
                end += 1  # the marks and invisible characters that trail the name go with it
            if end <= done:
                continue
            start = max(start, done)  # a character both matches share (ß -> ss) went with the first
            spelled = text[start:end]
            out += [
                text[done:start],
                self.labels.get(key(spelled)) or self._by_skeleton[match.group(0)],
            ]
            done = end
        out.append(text[done:])
        return "".join(out)

    def sub_slugs(self, text: str) -> str:
        """An id with the slugs of names replaced by the slugs of their labels."""
        if self._slug_pattern is None:
            return text
        return self._slug_pattern.sub(lambda mt: self._slugs[mt.group(0)], text)
