"""The forward direction: Vietnamese name → the Arabic spellings real Arabic text gives it.

It reads the same correspondence table as the decoder (:meth:`translit.channel.Channel.spellings`),
so the two directions cannot drift apart: every syllable's spellings come with channel
log-probabilities, and the k most likely whole-name spellings are their k-best product.

>>> to_arabic("Nguyễn Phú Trọng", k=2)
['نغوين فو ترونغ', 'نجوين فو ترونج']
>>> to_arabic("Trần Cẩm Tú")[0]
'تران كام تو'
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from functools import lru_cache

from translit.channel import Channel, add_mass, default_channel, units
from translit.cues import arabic_translations
from translit.lexicon import LexiconError, parse_float, shipped_rows
from translit.normalizer import MAX_NAME_LENGTH, MAX_TOKENS, check_arguments
from translit.syllable import (
    NAME_WORD,
    canonical,
    canonical_text,
    fold,
    remove_tones,
    split_bare,
)

Spelling = tuple[str, float]  # (Arabic spelling, log-probability)


def syllable_options(word: str, channel: Channel) -> tuple[Spelling, ...]:
    """The Arabic spellings of one written word, most likely first; empty if it is no syllable.

    A word with Vietnamese letters is read exactly (tones do not matter: Arabic writes none).
    An ASCII-folded word (``Nguyen``, ``Duong``) stands for every syllable of the inventory with
    that skeleton, equally likely, so its spellings are theirs, merged.
    """
    toned = canonical(word)
    if toned is not None and not word.isascii():
        bares = [remove_tones(toned)]
    else:
        from translit.latin import reader_for

        read = [bare for bare, _ in reader_for(channel).read(word)]
        # (Long is the syllable long, not also the place word Lơng of Kông Lơng Khơng)
        bares = [bare for bare in read if split_bare(bare) is not None] or read
    merged: dict[str, float] = {}
    for bare in bares:
        for spelled, logp in _written(bare, channel.spellings(bare)):
            merged[spelled] = max(merged.get(spelled, -1e9), logp)
    return tuple(sorted(merged.items(), key=lambda item: (-item[1], item[0])))


def _written(bare: str, spellings: Sequence[Spelling]) -> Sequence[Spelling]:
    """Spellings as Arabic text writes them: the channel merges alef forms, but a word-initial
    vowel's alef is written آ or أ by the vowel it carries (``lexicons/initial_vowels.tsv``)."""
    if split_bare(bare) is None:
        return spellings  # (a place word that is no syllable: Krông, Ayun)
    onset, nucleus, _, _ = units(bare)
    forms = _initial_alef().get(nucleus[:1]) if not onset else None
    if not forms:
        return spellings
    written: dict[str, float] = {}
    for spelled, logp in spellings:
        if spelled.startswith("ا"):
            for alef, alef_logp in forms:
                add_mass(written, alef + spelled[1:], logp + alef_logp)
        else:
            add_mass(written, spelled, logp)
    return sorted(written.items(), key=lambda item: (-item[1], item[0]))


@lru_cache(maxsize=1)
def _initial_alef() -> dict[str, tuple[Spelling, ...]]:
    """Vowel → the alef forms that carry it word-initially, with log-probabilities."""
    weights: dict[str, dict[str, float]] = {}
    for number, row in shipped_rows("initial_vowels.tsv", required=("vowel", "arabic", "weight")):
        where = f"lexicons/initial_vowels.tsv:{number}"
        weight = parse_float(row["weight"], where=where)
        if weight <= 0 or row["arabic"] not in ("ا", "آ", "أ", "إ"):
            raise LexiconError(f"{where}: an alef form with a positive weight is expected")
        weights.setdefault(row["vowel"], {})[row["arabic"]] = weight
    return {
        vowel: tuple((alef, math.log(w / sum(forms.values()))) for alef, w in forms.items())
        for vowel, forms in weights.items()
    }


def k_best(options: Sequence[Sequence[Spelling]], k: int) -> list[tuple[float, tuple[int, ...]]]:
    """The ``k`` best index tuples of a product of lists sorted best first, best first.

    Lazy best-first enumeration with a heap: each popped tuple pushes its successors (one index
    advanced), and a tuple is pushed once, so the work is O(k · len(options) · log k).
    """
    start = tuple(0 for _ in options)
    heap = [(-sum(choice[0][1] for choice in options), start)]
    seen = {start}
    found: list[tuple[float, tuple[int, ...]]] = []
    while heap and len(found) < k:
        negative, indices = heapq.heappop(heap)
        found.append((-negative, indices))
        for position, index in enumerate(indices):
            if index + 1 >= len(options[position]):
                continue
            successor = indices[:position] + (index + 1,) + indices[position + 1:]
            if successor in seen:
                continue
            seen.add(successor)
            step = options[position][index + 1][1] - options[position][index][1]
            heapq.heappush(heap, (negative - step, successor))
    return found


def to_arabic_scored(
    name: str, k: int = 5, *, channel: Channel | None = None
) -> list[tuple[str, float]]:
    """Like :func:`to_arabic`, with each spelling's log-probability under the channel.

    >>> [spelled for spelled, logp in to_arabic_scored("Hồ Chí Minh", k=2) if logp < 0]
    ['هو تشي مينه', 'هوتشيمينه']
    """
    check_arguments(name, k)
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError(f"a name has at most {MAX_NAME_LENGTH} characters, got {len(name)}")
    channel = channel or default_channel()
    words = NAME_WORD.findall(name)
    if not words:
        raise ValueError(f"no Vietnamese syllable in {name!r}")
    if len(words) > MAX_TOKENS:
        raise ValueError(f"a name has at most {MAX_TOKENS} syllables, got {len(words)}")
    options = []
    for word in words:
        spellings = syllable_options(word, channel)
        if not spellings:
            raise ValueError(f"{word!r} in {name!r} is not a Vietnamese syllable")
        options.append(spellings)
    found: dict[str, float] = {}
    for dropped, style_logp in NG_STYLES:
        styled = [_in_style(spellings, dropped) for spellings in options]
        # Deeper than k: a spelling's mass adds up over the styles that write it.
        for logp, indices in k_best(styled, 3 * k + 5):
            spelled = " ".join(styled[i][index][0] for i, index in enumerate(indices))
            add_mass(found, spelled, logp + style_logp)
    if _well_known_place(words):
        for spelled, logp in list(found.items()):
            add_mass(found, spelled.replace(" ", ""), logp + FUSED_LOGP)
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]


# Arabic writes well-known places as one word as often as not (هانوي، هالونج، سايغون).
FUSED_LOGP = math.log(0.5)
FUSED_MAX_SYLLABLES = 3


def _well_known_place(words: Sequence[str]) -> bool:
    """Whether the name is a place of the highest prominence in the gazetteer (a province, a
    big city, a famous site) of a few syllables."""
    from translit.names import PROMINENCE_WEIGHT, default_model

    if not 2 <= len(words) <= FUSED_MAX_SYLLABLES:
        return False
    bare = tuple(remove_tones(canonical(word) or word.lower()) for word in words)
    entries = default_model().gazetteer.lookup(bare)
    return any(e.kind == "place" and e.weight >= PROMINENCE_WEIGHT[3] for e in entries)


# Writers often spell ng one way throughout a name (نجوين كوانج دونج, نغوين كوانغ دونغ), but
# not always (نجوين فو ترونغ): a name's spellings are a mixture of syllable-by-syllable choices
# and the two consistent styles. Each style is (what it never writes, its share).
NG_STYLES = (("", math.log(0.4)), ("نغ", math.log(0.3)), ("نج", math.log(0.3)))


def _in_style(spellings: Sequence[Spelling], dropped: str) -> Sequence[Spelling]:
    """A syllable's spellings without those of the other ng style (all of them if none is left),
    renormalised: a writer of one style spells every ng that way."""
    kept = [spelling for spelling in spellings if not dropped or dropped not in spelling[0]]
    if not kept or len(kept) == len(spellings):
        return spellings
    mass = math.log(sum(math.exp(logp) for _, logp in kept))
    return [(spelled, logp - mass) for spelled, logp in kept]


def to_arabic(
    name: str, k: int = 5, *, channel: Channel | None = None, translated: bool = True
) -> list[str]:
    """The ``k`` likeliest Arabic spellings of a Vietnamese name, most conventional first.

    One Arabic word per syllable, as Arabic news writes names; a famous place of two or three
    syllables also fused into one word (هانوي), as Arabic writes them as often as not. Tones
    and vowel marks do not change the spelling; ASCII-folded input (``Nguyen Phu Trong``) is
    accepted. A name Arabic also translates (Văn Miếu: معبد الأدب, the Temple of Literature;
    ``lexicons/arabic_exonyms.tsv``) has its translation second, after the best spelling: Arabic
    news writes both (``translated=False`` leaves it out). Raises ``TypeError`` for a non-str
    name and ``ValueError`` naming the word that is not a Vietnamese syllable.

    >>> to_arabic("Hà Nội", k=2)
    ['ها نوي', 'هانوي']
    >>> to_arabic("Văn Miếu", k=3)
    ['فان ميو', 'معبد الأدب', 'فانميو']
    >>> to_arabic("Nguyen Van Smith")
    Traceback (most recent call last):
    ...
    ValueError: 'Smith' in 'Nguyen Van Smith' is not a Vietnamese syllable
    """
    found = [spelled for spelled, _ in to_arabic_scored(name, k, channel=channel)]
    translation = arabic_translation(name) if translated else None
    if translation is not None and translation not in found:
        found.insert(1, translation)
        del found[k:]
    return found


def arabic_translation(name: str) -> str | None:
    """The Arabic translation of a Vietnamese name, if Arabic text translates it (with its
    tones, when written, as the lexicon's: Biển Đông is بحر الشرق, Biên Đông has none).

    >>> arabic_translation("Bien Dong"), arabic_translation("Nguyễn Du")
    ('بحر الشرق', None)
    """
    found = arabic_translations().get(fold(name))
    if found is None:
        return None
    entry, written = found
    if not name.isascii() and canonical_text(name) != entry:
        return None
    return written
