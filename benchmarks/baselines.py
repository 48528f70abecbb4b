"""The systems the benchmark compares: what a user would use instead of translit, and translit.

Each is a small class with ``candidates(arabic, k) -> list[(text, score)]``, best first, ``[]``
for no answer. Nothing is loaded until the first call (or :meth:`System.load`); a system whose
package is missing raises :class:`Unavailable` with the reason, and the report prints that reason
in its row instead of numbers.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from translit.lexicon import read_rows
from translit.syllable import fold
from translit.types import Kind

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
Candidate = tuple[str, float]


class Unavailable(RuntimeError):
    """The system cannot run here; the message says why."""


class System:
    """Base of the compared systems."""

    name: ClassVar[str] = ""
    label: str = ""
    #: whether the scores can be read as probabilities of being right (for calibration)
    probabilistic: ClassVar[bool] = False
    #: Python run in a fresh interpreter to time import + first answer
    cold_start: ClassVar[str] = ""

    def __init__(self) -> None:
        self._loaded = False

    def load(self) -> None:
        """Import and build what the system needs; :class:`Unavailable` when it cannot."""
        if not self._loaded:
            self._load()
            self._loaded = True

    def _load(self) -> None:
        raise NotImplementedError

    def candidates(self, arabic: str, k: int = 5, kind: str | None = None) -> list[Candidate]:
        """The top ``k`` readings; ``kind`` (person/place) is for systems that can use it."""
        self.load()
        return self._candidates(arabic, k)

    def _candidates(self, arabic: str, k: int) -> list[Candidate]:
        raise NotImplementedError


def _require(module: str, extra: str = "bench") -> Any:
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as error:
        raise Unavailable(
            f"{module} is not installed (pip install -e .[{extra}]): {error}"
        ) from None


class Romanizer:
    """Generic Arabic → Latin romanization: uroman when installed, else unidecode."""

    def __init__(self) -> None:
        self.name = "unidecode"
        self._romanize: Callable[[str], str]
        try:
            uroman = __import__("uroman")
        except ImportError:
            from unidecode import unidecode

            self._romanize = unidecode
        else:
            engine = uroman.Uroman()
            self.name = "uroman"
            self._romanize = lambda text: str(engine.romanize_string(text, lcode="ara"))

    @staticmethod
    def available() -> str:
        """Which romanizer the baselines will use, without loading it."""
        if importlib.util.find_spec("uroman") is None:
            return "unidecode (uroman is not installed)"
        return "uroman"

    def __call__(self, arabic: str) -> str:
        return " ".join(self._romanize(arabic).split()).lower()


class AccentRestorer(System):
    """Baseline 1: romanize, then restore Vietnamese accents with pyvi's ``ViUtils.add_accents``."""

    name = "romanizer+pyvi"
    label = "romanizer + pyvi accent restorer"
    cold_start = (
        "from benchmarks.baselines import AccentRestorer;"
        "AccentRestorer().candidates('تران كام تو')"
    )

    def _load(self) -> None:
        self._add_accents = _require("pyvi.ViUtils").add_accents
        self.romanizer = Romanizer()
        self.label = f"{self.romanizer.name} + pyvi accent restorer"

    def _candidates(self, arabic: str, k: int) -> list[Candidate]:
        latin = self.romanizer(arabic)
        if not latin:
            return []
        try:
            restored = str(self._add_accents(latin))
        except KeyError:  # pyvi 0.1.1 fails on some letter sequences (e.g. "dwngh"): no answer
            return []
        return [(restored.title(), 1.0)]


def _first_column(path: Path, *columns: str) -> Iterator[tuple[str, int]]:
    """(value, count) from a lexicon TSV: the first of ``columns`` present, else column one."""
    rows = [row for _, row in read_rows(path)]
    fields = list(rows[0]) if rows else []
    column = next((c for c in columns if c in fields), fields[0] if fields else "")
    for row in rows:
        value = (row.get(column) or "").strip()
        count = row.get("count") or row.get("prominence") or "1"
        if value:
            yield value, int(float(count)) if count.replace(".", "", 1).isdigit() else 1


def known_names(lexicons: Path = LEXICONS) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The project's known Vietnamese names, folded → written form: whole names (notable people,
    places and their aliases) and single syllables (surnames, middle and given names); plus notes
    on lexicons that are missing."""
    whole: dict[str, tuple[str, int]] = {}
    syllables: dict[str, tuple[str, int]] = {}
    notes = []

    def keep(table: dict[str, tuple[str, int]], text: str, count: int) -> None:
        key = fold(text)
        if key not in table or table[key][1] < count:
            table[key] = (unicodedata.normalize("NFC", text), count)

    for filename in ("people.tsv", "places.tsv"):
        path = lexicons / filename
        if not path.is_file():
            notes.append(f"lexicons/{filename} is missing")
            continue
        for text, count in _first_column(path, "name", "vietnamese"):
            keep(whole, text, count)
        for aliases, count in _first_column(path, "aliases"):
            for alias in aliases.split("|"):
                if alias.strip() and not alias.startswith(("Tỉnh ", "Thành phố ")):
                    keep(whole, alias.strip(), count)
    for filename in ("surnames.tsv", "name_syllables.tsv"):
        path = lexicons / filename
        if not path.is_file():
            notes.append(f"lexicons/{filename} is missing")
            continue
        for text, count in _first_column(path, "surname", "syllable"):
            for syllable in text.split():
                keep(syllables, syllable, count)
    return (
        {key: text for key, (text, _) in whole.items()},
        {key: text for key, (text, _) in syllables.items()},
        notes,
    )


class FuzzyKnownNames(System):
    """Baseline 2: romanize, then rapidfuzz ``process.extract`` over the project's known names.

    A whole-name match (people, places) is taken when it is close (ratio ≥ ``whole_cutoff``);
    otherwise each romanized token is matched to the nearest known name syllable, which is what an
    afternoon's script does once it sees that most people in a list are not in any gazetteer.
    Scores are ratios / 100.
    """

    name = "romanizer+rapidfuzz"
    label = "romanizer + rapidfuzz over known names"
    probabilistic = True
    whole_cutoff = 85.0
    cold_start = (
        "from benchmarks.baselines import FuzzyKnownNames;"
        "FuzzyKnownNames().candidates('تران كام تو')"
    )

    def _load(self) -> None:
        from rapidfuzz import fuzz, process

        self._process, self._ratio = process, fuzz.ratio
        self.romanizer = Romanizer()
        self.whole, self.syllables, self.notes = known_names()
        self._whole_keys = list(self.whole)
        self._syllable_keys = list(self.syllables)
        self.label = f"{self.romanizer.name} + rapidfuzz over known names"

    def _candidates(self, arabic: str, k: int) -> list[Candidate]:
        latin = self.romanizer(arabic)
        if not latin:
            return []
        found = self._process.extract(latin, self._whole_keys, scorer=self._ratio, limit=k)
        results = [(self.whole[key], score / 100) for key, score, _ in found]
        if not results or results[0][1] * 100 < self.whole_cutoff:
            parts = [
                self._process.extractOne(token, self._syllable_keys, scorer=self._ratio)
                for token in latin.split()
            ]
            if all(parts):
                text = " ".join(self.syllables[p[0]] for p in parts if p).title()
                score = sum(p[1] for p in parts if p) / len(parts) / 100
                results.append((text, score))
        results.sort(key=lambda item: -item[1])
        return results[:k]


class ArabicNameRomanizer(System):
    """Baseline 3: arabic-name-romanizer (dictionary + small neural model for Arabic names)."""

    name = "arabic-name-romanizer"
    label = "arabic-name-romanizer"
    probabilistic = True
    cold_start = (
        "from arabic_name_romanizer import transliterate;transliterate('تران كام تو', top_k=5)"
    )

    def _load(self) -> None:
        self._transliterate = _require("arabic_name_romanizer").transliterate

    def _candidates(self, arabic: str, k: int) -> list[Candidate]:
        if k == 1:  # with top_k=1 the package returns the bare string, without a score
            return [(str(self._transliterate(arabic)), 1.0)]
        found = self._transliterate(arabic, top_k=k)
        return [(c.text, float(c.score)) for c in found]


class Translit(System):
    """This library: ``translit.candidates`` with the decoder's probabilities."""

    name = "translit"
    label = "translit (this library)"
    probabilistic = True
    cold_start = "import translit;translit.normalize('تران كام تو')"

    def _load(self) -> None:
        import translit

        self._candidates_of = translit.candidates
        translit.normalize("تران كام تو")  # build the default normalizer now, not in the timing

    def _candidates(self, arabic: str, k: int) -> list[Candidate]:
        return [(m.text, m.probability) for m in self._candidates_of(arabic, k)]


class TranslitKindGiven(Translit):
    """This library told each pair's kind, as a user normalizing a column of places is."""

    name = "translit-kind"
    label = "translit, told the kind (person or place)"

    def candidates(self, arabic: str, k: int = 5, kind: str | None = None) -> list[Candidate]:
        self.load()
        hint: Kind | None = "person" if kind == "person" else "place" if kind == "place" else None
        return [(m.text, m.probability) for m in self._candidates_of(arabic, k, kind=hint)]


SYSTEMS: dict[str, type[System]] = {
    cls.name: cls for cls in (AccentRestorer, FuzzyKnownNames, ArabicNameRomanizer, Translit)
}
BASELINES = tuple(name for name in SYSTEMS if name != Translit.name)
# Measured for accuracy only (its speed is translit's).
ACCURACY_ONLY: dict[str, type[System]] = {TranslitKindGiven.name: TranslitKindGiven}
