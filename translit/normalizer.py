"""The object behind the public functions: front-ends that build syllable paths, and the decoder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path as FilePath

import regex

from translit import arabic
from translit.channel import Channel, Chunk, Segmentation, best_logp, default_channel
from translit.channel import key as channel_key
from translit.cues import (
    Cue,
    arabic_exonyms,
    designators,
    exonym_key,
    fold_word,
    leading_title,
    leading_titles,
    strip_clitics,
    trailing_words,
)
from translit.decoder import Decoder, Path, Weights
from translit.names import NameModel, default_model, load_model, place_tree
from translit.syllable import SYLLABLE_WORD, remove_tones, strip_tone
from translit.types import Gender, Kind, Match

# Names have at most this many words; longer inputs are running text, not a name (find_names
# is for those). Bounding the work per input keeps every call linear in the input's length.
MAX_NAME_LENGTH = 200
# Distinct names whose readings are kept (a name's Match objects are a few hundred bytes).
CACHE_SIZE = 100_000
MAX_TOKENS = 8
MAX_TOKEN_LENGTH = 24
PATHS = 3
# Reading two written tokens as one syllable (نغ ويين) is possible but rare.
MERGE_LOGP = -7.0
# A known name read without a title or place word around it must be spelled this much better
# (nats per syllable) than the whole input spells a known name: ين باي is Yên Bái, not Yên Bay.
WORDS_FIT = 1.0
# A landmark named by the place word before its words is read when its letters spell its words
# this much worse than they spell the place they name alone, at most (log-probability, in all).
LANDMARK_SPELLING = 3.0
# Token sequences whose best partial paths are kept: names share their first words.
PREFIX_CACHE_SIZE = 20_000
# "in", between a place and the place it lies in (هوان كيم في هانوي), or a person and where they
# live or work (نغوين فان آن في هانوي), as arabic.words writes it; the place must be read at
# least this surely for a person's name to end before في.
IN_WORD = "في"
MIN_LOCATION_PROBABILITY = 0.5
# The most words a place takes between a title and a person's name (لمقاطعة با ريا فونغ تاو).
MAX_PLACE_WORDS = 5
# A first word that may carry a proclitic (و، ب، ل، ال …) is read without it when the name as
# written reads as nothing, or as nothing this likely.
UNLIKELY_READING = 0.3
# ... when the rest reads as a known name this likely, each syllable spelled this well at least.
LIKELY_STEM = 0.5
STEM_CHANNEL_LOGP = -3.0
_Cut = tuple[float, float, tuple[Chunk, ...]]  # (best reading, cost of the cuts, chunks)
# The best ways to read the first i tokens, as (score, path logp, chunks), for each i.
_Columns = tuple[tuple[_Cut, ...], ...]
_START: _Columns = (((0.0, 0.0, ()),),)
_score = itemgetter(0)
_Decoded = tuple[int, tuple[Match, ...]]  # (the k decoded for, the readings found)
# A decoded name's key: the name alone when there are no hints (and clitics are read).
_Key = str | tuple[str, Gender | None, Kind | None, bool]


def _fit(match: Match) -> float:
    """How well a reading's letters spell it: the mean channel log-probability per syllable."""
    return sum(part.channel_logp for part in match.parts) / max(1, len(match.parts))


def _opens(landmark: Match, name: Match) -> bool:
    """Whether ``landmark`` is read as a place word's Vietnamese word and then ``name``'s words,
    as ``name`` or spelled nearly as well (``LANDMARK_SPELLING`` less in all: ملعب ماي دينه is
    the stadium Sân Vận Động Mỹ Đình, not the commune Mai Đình), and is another place than
    ``name`` (Bảo Tàng Hồ Chí Minh, not Hồ Chí Minh; Đảo Phú Quốc is another name of the island
    Phú Quốc, which stays its name)."""
    size = len(name.parts)
    if len(landmark.parts) <= size or place_tree().is_name_of(landmark.text, name.text):
        return False
    words = landmark.parts[-size:]
    return [part.syllable for part in words] == [part.syllable for part in name.parts] or (
        [part.source for part in words] == [part.source for part in name.parts]
        and sum(part.channel_logp for part in words)
        >= sum(part.channel_logp for part in name.parts) - LANDMARK_SPELLING
    )


def _fits_better(inner: Match, whole: Match) -> bool:
    """Whether ``inner``, a known name read without a title or place word around it, is spelled
    by its letters ``WORDS_FIT`` better than the whole input spells the known name ``whole``."""
    return inner.known and _fit(inner) > _fit(whole) + WORDS_FIT


# Marks that split a field into parts: commas and semicolons (Latin and Arabic), slashes, &, و
# and và ("and", Vietnamese in lower case) standing alone between words, brackets.
_SEPARATOR = regex.compile(r"[,،;؛/&]|(?<=^|\s)(?:و|và)(?=\s|$)")
_LIST_MARK = regex.compile(rf"{_SEPARATOR.pattern}|[()\[\]（）]")
_LATIN = regex.compile(r"\p{Latin}")
# A dash between spaces, or a colon: weaker marks (:meth:`Normalizer._decoded_name`).
_DASH = regex.compile(r"\s[-–—]\s|:")
_BRACKETED = regex.compile(r"[(\[（][^()\[\]（）]*[)\]）]")


def _groups(name: str) -> list[str] | None:
    """The parts of a field split at commas, semicolons, slashes and a lone و, with bracketed
    notes left out; ``None`` when that leaves the one part the field was (a stray bracket). A
    title alone before a mark is the next part's (السيد/ نغوين فان آن, as formal Arabic writes
    it)."""
    outside = _BRACKETED.sub(" ", name)
    groups: list[str] = []
    for group in (group.strip() for group in _SEPARATOR.split(outside)):
        if group and groups and _is_title(groups[-1]):
            groups[-1] = f"{groups[-1]} {group}"
        elif group:
            groups.append(group)
    if len(groups) == 1 and groups[0] == name.strip():
        return None
    return groups


def _is_title(text: str) -> bool:
    """Whether ``text`` is nothing but Arabic words before a name (السيد, وزير الخارجية)."""
    words = [fold_word(word) for word in arabic.words(text)]
    found = leading_titles([*words, ""]) if words else None
    return found is not None and found[1] == len(words)


def _known_only(found: list[Match]) -> list[Match]:
    """The readings the gazetteer knows: one word among words that are no name (a title or a
    place word before it, words with the article after it, the other parts of a field) is too
    little to stand out as a new name (النهر يوميا, "the river daily"; تران الوطنية)."""
    return [match for match in found if match.known]


def _lies_in(first: Match, other: Match) -> bool:
    """Whether ``other`` is a known place where ``first`` is: a place that holds it (Hà Nội for
    Ba Đình, the country for any), or one in the same province (a district after a ward). Any
    known place is where a person or a new place is (Nguyễn Văn An, Hà Nội)."""
    if other.kind != "place" or not other.known:
        return False
    if first.kind != "place" or not first.known:
        return True
    return place_tree().lies_in(first.text, other.text)


def _bounded(words: Sequence[str]) -> bool:
    """Whether a name's words are few and short enough to be decoded as one name."""
    return 0 < len(words) <= MAX_TOKENS and all(len(word) <= MAX_TOKEN_LENGTH for word in words)


def _script_words(name: str) -> tuple[bool, list[str]]:
    """Whether ``name`` reads as Arabic script, and its words: Arabic ones normalised
    (:func:`arabic.words`), or Latin ones (:func:`translit.latin.latin_words`)."""
    if arabic.reads_as_arabic(name):
        return True, arabic.words(name)
    from translit.latin import latin_words

    return False, latin_words(name)


def check_arguments(
    name: object, k: object = 1, gender: object = None, kind: object = None
) -> None:
    """``TypeError`` for a non-str name, ``ValueError`` for a bad k or hint (shared by the API)."""
    if not isinstance(name, str):
        raise TypeError(f"expected a str name, got {type(name).__name__}")
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k must be a positive int, got {k!r}")
    if gender not in (None, "M", "F"):
        raise ValueError(f"gender must be 'M', 'F' or None, got {gender!r}")
    if kind not in (None, "person", "place"):
        raise ValueError(f"kind must be 'person', 'place' or None, got {kind!r}")


class Normalizer:
    """Reads Vietnamese names in Arabic script; build once and share (immutable, thread-safe).

    ``extra_lexicons`` are TSV files with the columns ``name`` and ``kind`` (``person`` or
    ``place``) and optionally ``gender``, ``prominence`` (1-3) or ``weight``, ``aliases``
    (``|``-separated): their entries rank like the built-in gazetteer.

    >>> Normalizer().normalize("تران كام تو").text
    'Trần Cẩm Tú'
    """

    def __init__(
        self,
        *,
        extra_lexicons: Sequence[str | FilePath] = (),
        weights: Weights | None = None,
        channel: Channel | None = None,
        model: NameModel | None = None,
    ) -> None:
        self.channel = channel or default_channel()
        self.model = model or (load_model(extra_lexicons) if extra_lexicons else default_model())
        self.decoder = Decoder(self.model, weights)
        # Decoded names: a bounded dict (atomic get and set of immutable values, a lost race only
        # decodes twice), keyed by the name alone when there are no hints.
        self._decoded: dict[_Key, _Decoded] = {}
        # Names share their words and pairs of words: their cuttings are cached.
        self._cuts = lru_cache(maxsize=100_000)(self._token_cuts)
        # A plain dict, like the cache of decoded names.
        self._prefixes: dict[tuple[str, ...], _Columns] = {}

    def normalize(
        self, name: str, *, gender: Gender | None = None, kind: Kind | None = None
    ) -> Match | None:
        """The best reading of ``name``, or ``None`` when it does not read as a Vietnamese name."""
        if gender is None and kind is None and type(name) is str:
            # A name seen before costs one look-up: exports repeat their names many times.
            decoded = self._decoded.get(name)
            if decoded is not None:
                return decoded[1][0] if decoded[1] else None
        found = self.candidates(name, 1, gender=gender, kind=kind)
        return found[0] if found else None

    def candidates(
        self, name: str, k: int = 5, *, gender: Gender | None = None, kind: Kind | None = None
    ) -> list[Match]:
        """Up to ``k`` readings of ``name``, best first; empty when it is not a name."""
        check_arguments(name, k, gender, kind)
        return self._candidates(name, k, gender, kind)

    def _candidates(
        self, name: str, k: int, gender: Gender | None, kind: Kind | None, *,
        clitics: bool = True,
    ) -> list[Match]:
        """:meth:`candidates` of checked arguments; without ``clitics`` a first word is only
        read as written (find_names weighs the clitics of running text itself)."""
        if len(name) > MAX_NAME_LENGTH:
            return []  # (not even into the cache: a 10 MB string would stay there)
        key: _Key = (
            name if gender is None and kind is None and clitics else (name, gender, kind, clitics)
        )
        decoded = self._decoded.get(key)
        # A decoding for k serves every smaller k, and every k once it found fewer readings.
        if decoded is None or (decoded[0] < k and len(decoded[1]) == decoded[0]):
            groups = _groups(name) if _LIST_MARK.search(name) else None
            if groups is None:
                found = self._decoded_name(name, k, gender, kind, clitics=clitics)
            else:
                found = self._decoded_groups(name, groups, k, gender, kind)
            decoded = (k, tuple(found))
            if len(self._decoded) >= CACHE_SIZE:
                self._decoded.clear()
            self._decoded[key] = decoded
        return list(decoded[1][:k])

    def _decoded_name(
        self, name: str, k: int, gender: Gender | None, kind: Kind | None, *,
        clitics: bool = True,
    ) -> list[Match]:
        parts = _DASH.split(name)
        if len(parts) > 1:
            # A dash or colon between words joins a name's halves (Bà Rịa - Vũng Tàu) or sets a
            # name off from a role or a second name (نغوين فان آن - رئيس الشركة): the field is
            # read whole when that gives a known name, else by its parts, as with a comma.
            joined = " ".join(parts)
            whole = self._decoded_name(joined, k, gender, kind, clitics=clitics)
            if whole and whole[0].known:
                return whole
            groups = [part.strip() for part in parts if part.strip()]
            return self._decoded_groups(joined, groups, k, gender, kind)
        # (the words are split once, for the paths and for the title and place words)
        words = _script_words(name)
        is_arabic, written = words
        if (
            is_arabic and len(written) > 1 and arabic.has_article(fold_word(written[-1]))
            and exonym_key(written) not in arabic_exonyms()  # (نهر الميكونغ is one name)
        ):
            trailing = trailing_words([fold_word(word) for word in written])
            if not trailing:  # (a nationality word after the name: a foreign name)
                return []
            # (words with the article after a name: هانوي العاصمة, the capital; the fewest
            # that leave a name Arabic translates: بحر الشرق الفيتنامي)
            cut = next((size for size in range(1, trailing) if exonym_key(written[:-size])
                        in arabic_exonyms()), trailing)
            found = self._decoded_name(" ".join(written[:-cut]), k, gender, kind)
            return _known_only(found) if len(written) - cut < 2 else found
        paths = self._paths(name, words)
        found = self.decoder.decode(paths, k=k, gender=gender, kind=kind)
        found = self._designated(name, words, k, gender, kind, found)
        if is_arabic and (not found or not found[0].known) and IN_WORD in written[1:-1]:
            found = self._located(written, k, gender, kind) or found
        if clitics and is_arabic and (not found or found[0].probability < UNLIKELY_READING):
            unclitic = (
                [] if self.channel.lookup(channel_key(written[0]))
                else self._without_clitic(written, k, gender, kind)
            )
            if unclitic:
                return unclitic
            if self._joined_by_and(written, gender, kind):
                return []
        return found

    def _joined_by_and(
        self, written: list[str], gender: Gender | None, kind: Kind | None
    ) -> bool:
        """Whether the words are two names with «و» ("and") glued to the second (هانوي وهاي
        فونغ, نغوين فان آن ونغوين ثي لان), each of two syllables or more and read as likely as
        a name is: a field with two names names none, as with a comma or a lone و. (Asked only
        when the words read as no name likely: و also spells a vowel, تران ثي وانه is Oanh.)
        """
        for at in range(1, len(written)):
            word = fold_word(written[at])
            if not word.startswith("و") or len(word) < 3:
                continue
            halves = [
                self._decoded_name(half, 1, gender, kind, clitics=False)
                for half in (" ".join(written[:at]), " ".join([word[1:], *written[at + 1:]]))
            ]
            if all(
                found and len(found[0].parts) >= 2 and found[0].probability >= UNLIKELY_READING
                for found in halves
            ):
                return True
        return False

    def _without_clitic(
        self, written: list[str], k: int, gender: Gender | None, kind: Kind | None
    ) -> list[Match]:
        """The readings of a name whose first word carries a proclitic, as names cut from
        running text do (وهانوي, بهانوي, الميكونغ: "and", "in", "the" Hà Nội, Mê Kông), when what
        follows it is a known name of two syllables or more, spelled well and likely; none
        otherwise. Tried only when the name as written reads as nothing likely and its first
        word spells no syllable (كاو لو starts with Cao, not ك + Âu). One word must read as a
        place: Arabic writes the syllables of a person's name apart. (Words of the text would
        otherwise find names in their stems: للأمانة is not Lam Anh, بناء تران not Nam Trân.)
        """
        for _, stem in strip_clitics(fold_word(written[0]))[1:]:
            found = self._decoded_name(
                " ".join([stem, *written[1:]]), k, gender, kind, clitics=False
            )
            if (
                found and found[0].known and len(found[0].parts) >= 2
                and found[0].probability >= LIKELY_STEM
                and (len(written) > 1 or found[0].kind == "place")  # (one word: هانوي, not لأمانة)
                and all(part.channel_logp >= STEM_CHANNEL_LOGP for part in found[0].parts)
            ):
                return found
        return []

    def _placed_person(
        self, words: list[str], k: int, gender: Gender | None, kind: Kind | None
    ) -> list[Match]:
        """The readings of a person named after a title and the place it is of (its words,
        folded; رئيس اللجنة الشعبية لمدينة هانوي تران سي ثانه: the chairman of Hà Nội's
        People's Committee, Trần Sỹ Thanh): a known place of two syllables or more, read with
        p ≥ 0.5 (with its place word, or after في), then a person of two or more; none
        otherwise.
        """
        start = 1 if words and words[0] == IN_WORD else 0
        # (the longest place first: Bà Rịa - Vũng Tàu, not Bà Rịa and a person Vương Tàu …)
        for width in range(min(MAX_PLACE_WORDS, len(words) - start - 2), 0, -1):
            place, person = words[start:start + width], words[start + width:]
            where = self._decoded_name(" ".join(place), 1, None, "place")
            if not (
                where and where[0].known and len(where[0].parts) >= 2
                and where[0].probability >= MIN_LOCATION_PROBABILITY
            ):
                continue
            who = self._decoded_name(" ".join(person), k, gender, kind)
            if who and who[0].kind == "person" and len(who[0].parts) >= 2:
                return who
        return []

    def _located(
        self, written: list[str], k: int, gender: Gender | None, kind: Kind | None
    ) -> list[Match]:
        """The readings of a name written with the place it lies in or lives in, after في ("in").

        A known place in a known place that holds it: بحيرة هوان كيم في هانوي is Hoàn Kiếm. A
        person of two syllables or more in a known place of two or more that is the likely
        reading of its words: نغوين فان آن في هانوي is Nguyễn Văn An. None otherwise: في is
        also the syllable Vi or Phi (تران في ها is a person's name).
        """
        at = written.index(IN_WORD, 1)
        inner = self._decoded_name(" ".join(written[:at]), k, gender, kind)
        if not inner:
            return []
        where = " ".join(written[at + 1:])
        if inner[0].kind == "person":
            outer = self._decoded_name(where, 1, None, None)
            if (
                len(inner[0].parts) >= 2 and outer and outer[0].known
                and outer[0].kind == "place" and len(outer[0].parts) >= 2
                and outer[0].probability >= MIN_LOCATION_PROBABILITY
            ):
                return inner
            return []
        outer = self._decoded_name(where, 1, None, "place")
        if outer and inner[0].known and _lies_in(inner[0], outer[0]):
            return inner
        return []

    def _decoded_groups(
        self, name: str, groups: list[str], k: int, gender: Gender | None, kind: Kind | None
    ) -> list[Match]:
        """The readings of a field that holds commas or brackets (:func:`_groups`).

        A note in brackets is left out when the rest reads (Phan Văn Khải (former PM)). Of the
        comma-separated parts, those after the first that read as no name are left out (Nguyễn
        Văn An, PhD; when the first reads as none, the field names nothing this reads);
        a surname before the comma is the start of the name (NGUYEN, VAN AN); parts after the
        first that are places it lies in are its address (Ba Đình, Hà Nội; Hà Nội, Việt Nam:
        the first part is read). Several names in one field (Hà Nội, Huế) are no name.
        """
        read = [(group, self._decoded_name(group, k, gender, kind)) for group in groups]
        named = [(group, found) for group, found in read if found]
        if not named:
            return self._decoded_name(name, k, gender, kind)
        if not read[0][1]:
            return []  # (the first part is what the field names: Quận 1, TP.HCM is no city)
        if len(named) == 1:
            group, found = named[0]
            # (الخصوص، فإن is none)
            return _known_only(found) if len(groups) > 1 and len(group.split()) < 2 else found
        (first, first_found), *rest = named
        if (
            len(groups) == len(named) == 2 and len(first.split()) == 1 and kind != "place"
            and first_found[0].parts[0].role == "surname"
        ):
            return self._decoded_name(" ".join(group for group, _ in named), k, gender, kind)
        if all(_lies_in(first_found[0], found[0]) for _, found in rest):
            return first_found
        return []

    def _designated(
        self, name: str, script_words: tuple[bool, list[str]], k: int, gender: Gender | None,
        kind: Kind | None, found: list[Match],
    ) -> list[Match]:
        """``found`` (the readings of ``name`` as written), or those of the name inside it when it
        is written with a title or place word: السيدة, مقاطعة, Mrs., Tỉnh before it (a hint: a
        woman's name, a place; with the words with the article that follow a title or stand
        alone before a name: وزير الخارجية, البطل), an English place word after it (هالونغ باي,
        Da Lat City: only when the rest is a place the gazetteer knows that its letters spell
        better than the whole spells anything). ``script_words`` are :func:`_script_words` of
        ``name``.
        """
        best = found[0] if found else None
        is_arabic, words = script_words
        if is_arabic:
            words = [fold_word(word) for word in words]
            lead = leading_titles(words)
            last = words[-1] if words else ""
        else:
            lead = leading_title(words)
            last = words[-1].lower() if words else ""
        if lead is not None:
            cue, size = lead
            if cue is not None and all(word.isdigit() for word in words[size:]):
                return []  # a title or place word alone (Ông, Tỉnh, Quận 1) is no name
            # (words with the article alone are no title: a name of two words at least after them)
            if (cue is None and len(words) - size >= 2) or (
                cue is not None and (kind is None or kind == cue.kind)
            ):
                # (a title is no proof of a person: سفير فيتنام is Vietnam's ambassador)
                place_cue = cue is not None and cue.kind == "place"
                inner_kind: Kind | None = "place" if place_cue else kind
                hint = gender if place_cue or cue is None else gender or cue.gender
                rest = " ".join(words[size:])
                rest_paths = self.paths(rest)
                inner = self.decoder.decode(rest_paths, k=k, gender=hint, kind=inner_kind)
                if inner_kind == "place" and len(words) - size < 2:
                    inner = _known_only(inner)  # (after a place word)
                if is_arabic and not place_cue and (not inner or not inner[0].known):
                    inner = self._placed_person(words[size:], k, hint, kind) or inner
                if place_cue and cue is not None and cue.generics:
                    # (the landmark the place word names, when the gazetteer lists one: متحف هو
                    # تشي منه is Bảo Tàng Hồ Chí Minh, not the city; قرية تشوونغ is Làng Chuông)
                    landmarks = self._landmark(cue, " ".join(words[:size]), rest_paths, k)
                    if landmarks and (
                        not inner or not inner[0].known or _opens(landmarks[0], inner[0])
                    ):
                        inner = landmarks
                # (a known name that holds the words stays, unless its letters spell it much
                # worse: بَا تريو is Bà Triệu, مدينة هوي is Huế and not Đình Huệ)
                if inner and (best is None or not best.known or _fits_better(inner[0], best)):
                    return inner
                if place_cue and (best is None or not best.known):
                    return []  # (a place word is no syllable: شاطئ ساو is no person Sái Sáu)
        if len(words) > 1 and kind != "person" and last in designators():
            rest = " ".join(words[:-1])
            inner = self.decoder.decode(self.paths(rest), k=k, gender=gender, kind="place")
            if inner and inner[0].known and (
                best is None or not best.known or _fits_better(inner[0], best)
            ):
                return inner
        return found

    def _landmark(
        self, cue: Cue | None, written: str, rest: Sequence[Path], k: int
    ) -> list[Match]:
        """The landmarks the gazetteer lists under the Vietnamese word that a place word
        (``cue``, ``written`` so) translates and the words after it (their paths ``rest``;
        قرية تشوونغ: Làng Chuông; شاطئ ساو: Bãi Sao): their one-word names are not known without
        that word (Chuông alone is no place)."""
        if cue is None:
            return []
        paths = [
            Path(
                (*(replace(chunk, text=written) for chunk in opening.chunks), *path.chunks),
                opening.logp + path.logp,
            )
            for path in rest
            for generic in cue.generics
            for opening in self.paths(generic)
        ]
        if not paths:
            return []
        # (the word itself, tone and all: قرية عام is no Đồng Tâm)
        openings = tuple(f"{generic.lower()} " for generic in cue.generics)
        return [
            match for match in self.decoder.decode(paths, k=k, kind="place")
            if match.known and match.text.lower().startswith(openings)
        ]

    def paths(self, name: str) -> list[Path]:
        """The syllable paths the decoder considers for ``name`` (for explanations and tests).

        Input without Arabic letters goes to the Latin front-end (:mod:`translit.latin`). Input
        longer than ``MAX_NAME_LENGTH`` characters, with more than ``MAX_TOKENS`` words or a word
        longer than ``MAX_TOKEN_LENGTH`` is no name: it gets no paths, in constant time.
        """
        if len(name) > MAX_NAME_LENGTH:
            return []
        return self._paths(name, _script_words(name))

    def _paths(self, name: str, script_words: tuple[bool, list[str]]) -> list[Path]:
        """:meth:`paths`, from :func:`_script_words` of ``name``."""
        is_arabic, words = script_words
        if not is_arabic:
            from translit.latin import reader_for

            if _bounded(words):
                return reader_for(self.channel).paths(name)
            return []
        tokens = [
            piece
            for word in words
            for piece in word.split("-")
            if piece and not piece.isdigit()  # a number beside a name (row 2, 1945) is no syllable
        ]
        found = []
        # (a word with the article, الأمانة, السياسات, is no syllable; a Latin word among
        # Arabic ones, نغوين Văn آن, is read as Latin)
        if _bounded(tokens) and all(
            not arabic.has_article(token) if arabic.has_arabic(token) else _LATIN.search(token)
            for token in tokens
        ):
            found = self._arabic_paths(tuple(tokens))
        translated = arabic_exonyms().get(exonym_key(words)) if len(words) > 1 else None
        if translated is not None:
            # A name Arabic translates (معبد الأدب: Văn Miếu) is that entry; the phrase spells
            # no syllable, so the whole of it is the first syllable's source.
            kind, text = translated
            syllables = SYLLABLE_WORD.findall(text)
            sources = [" ".join(words)] + [""] * (len(syllables) - 1)
            # (its tones are written: Biển Đông, not Biển Động)
            chunks = tuple(
                Chunk(source, ((remove_tones(word).lower(), 0.0),), strip_tone(word)[1])
                for source, word in zip(sources, syllables)
            )
            found.insert(0, Path(chunks, 0.0, kind=kind))
        return found

    def _arabic_paths(self, tokens: tuple[str, ...]) -> list[Path]:
        """Best combinations of per-token cuttings, merging a pair of tokens where that reads.

        The best partial paths over all tokens but the last are looked up (names share their first
        words, Nguyễn Văn …); only the last token's column is computed for a new name.
        """
        columns = self._prefix_columns(tokens[:-1])
        return [Path(chunks, logp) for _, logp, chunks in self._column(tokens, columns)]

    def _prefix_columns(self, tokens: tuple[str, ...]) -> _Columns:
        """The best partial paths over ``tokens`` and over each prefix of them (cached)."""
        if not tokens:
            return _START
        found = self._prefixes.get(tokens)
        if found is None:
            columns = _START
            for end in range(1, len(tokens) + 1):
                columns = (*columns, self._column(tokens[:end], columns))
            found = columns
            if len(self._prefixes) >= PREFIX_CACHE_SIZE:
                self._prefixes.clear()
            self._prefixes[tokens] = found
        return found

    def _column(self, tokens: tuple[str, ...], columns: _Columns) -> tuple[_Cut, ...]:
        """The best ways to read all of ``tokens``, from ``columns``: those over each prefix."""
        # Paths are kept by their best reading as the is-a-name test weighs it, with a cost per
        # syllable: by the channel alone, cutting every token in two (ديين بيين: دي+ين, بي+ين)
        # looks cheapest and crowds the whole-token path (Điện Biên) out of the few kept.
        syllable_logp = self.decoder.weights.any_syllable_logp
        end = len(tokens)
        options: list[_Cut] = []
        for width, extra in ((1, 0.0), (2, MERGE_LOGP)):
            start = end - width
            if start < 0 or not columns[start]:
                continue
            for best, cut_logp, cut_chunks in self._cuts(tokens[start:end]):
                gain = best + extra + syllable_logp * len(cut_chunks)
                options += [
                    (score + gain, logp + cut_logp + extra, chunks + cut_chunks)
                    for score, logp, chunks in columns[start]
                ]
        # (the same as heapq.nlargest, ties in order, without its overhead on a few items)
        return tuple(sorted(options, key=_score, reverse=True)[:PATHS])

    def _token_cuts(self, tokens: tuple[str, ...]) -> tuple[_Cut, ...]:
        """A token's cuttings as (best reading, cost of the cuts, chunks); two tokens read as one
        syllable only where they spell one exactly.

        (The merged string is new for every pair of words, so it gets a dictionary look-up, not
        the cutting and edit-distance search a written token gets.)
        """
        if len(tokens) == 1 and not arabic.has_arabic(tokens[0]):
            from translit.latin import reader_for

            word = tokens[0]
            return tuple(
                (best_logp(chunks, logp), logp, chunks)
                for chunks, logp in reader_for(self.channel).segment(word, strip_tone(word)[1] > 0)
            )
        if len(tokens) == 1:
            cuts = self.channel.segment(tokens[0])
        elif not all(map(arabic.has_arabic, tokens)):
            cuts = ()  # (an Arabic and a Latin word are no one syllable)
        else:
            merged = "".join(tokens)
            readings = self.channel.lookup(channel_key(merged))
            cuts = (Segmentation((Chunk(merged, readings),), 0.0),) if readings else ()
        return tuple((cut.best_logp, cut.logp, cut.chunks) for cut in cuts)


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    """The shared instance behind the module-level functions, built on first use."""
    return Normalizer()
