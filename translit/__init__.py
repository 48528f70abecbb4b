"""translit: Vietnamese names written in Arabic script, back to canonical Vietnamese.

>>> import translit
>>> translit.normalize("تران كام تو").text
'Trần Cẩm Tú'
>>> translit.normalize("المؤتمر") is None
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from translit.lexicon import LexiconError
from translit.normalizer import Normalizer, default_normalizer

# (eager: importing the submodule translit.similarity would otherwise shadow the function)
from translit.similarity import Matcher, MatchResult, match, similarity
from translit.types import Gender, Kind, Match, Part, Span

if TYPE_CHECKING:
    from translit.forward import to_arabic
    from translit.text import find_names

# Imported on first use (PEP 562): a script that only normalizes names starts sooner.
_LAZY = {"to_arabic": "translit.forward", "find_names": "translit.text"}

__version__ = "0.1.0"

__all__ = [
    "LexiconError",
    "Match",
    "MatchResult",
    "Matcher",
    "Normalizer",
    "Part",
    "Span",
    "__version__",
    "candidates",
    "find_names",
    "match",
    "normalize",
    "similarity",
    "to_arabic",
]


def normalize(name: str, *, gender: Gender | None = None, kind: Kind | None = None) -> Match | None:
    """The best reading of a Vietnamese name written in Arabic script, or ``None``.

    ``gender`` (``"M"``/``"F"``) and ``kind`` (``"person"``/``"place"``) are optional hints.

    >>> normalize("هانوي").text
    'Hà Nội'
    """
    return default_normalizer().normalize(name, gender=gender, kind=kind)


def candidates(
    name: str, k: int = 5, *, gender: Gender | None = None, kind: Kind | None = None
) -> list[Match]:
    """Up to ``k`` readings of a name, best first, with probabilities that sum to at most 1.

    >>> [m.text for m in candidates("نجوين ثي ثوي نجان", k=2)]  # doctest: +SKIP
    ['Nguyễn Thị Thủy Ngân', 'Nguyễn Thị Thúy Ngân']
    """
    return default_normalizer().candidates(name, k, gender=gender, kind=kind)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'translit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
