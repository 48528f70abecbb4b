#!/usr/bin/env python3
"""Build the shipped lexicons (``lexicons/*.tsv``) from the raw public data sets.

Usage (from the repository root)::

    python lexicons/build.py [--data PATH] [--out PATH]

``--data`` defaults to ``../shared/data`` next to the repository, ``--out`` to ``lexicons/``.
Only permissively licensed sources (MIT / Apache-2.0) feed the output; the hand-compiled
``lexicons/sources/people.tsv`` and ``lexicons/sources/landmarks.tsv`` are read when present.
The output is deterministic: every table is sorted and no timestamps are written.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import textwrap
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from translit.syllable import canonical, fold, is_place_word, split, title  # noqa: E402

SOURCES_DIR = REPO / "lexicons" / "sources"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "lexicons"

PEOPLE_WEIGHT = 20  # one notable person counts as this many occurrences in the name priors
# ... but only this many in the given-name pairs: a pair is specific to the person (one Diệp Lâm
# Anh made "Lâm Anh" twenty times likelier and a common Arabic word read as that name).
PEOPLE_PAIR_WEIGHT = 2
GENDERS = {"nam": "M", "m": "M", "male": "M", "nữ": "F", "f": "F", "female": "F"}
# Listed as compound surnames by hungnguyen18, but in real names the second syllable is almost
# always a middle name ("Vũ Văn Nam" = Vũ + Văn + Nam; 142 such names in locle1011).
AMBIGUOUS_COMPOUNDS = frozenset({"Vũ Văn", "Nguyễn Phước"})

LICENCES = {
    "locle": "names_locle1011: github.com/locle1011/Gender-Classification-Based-on-Vietnamese-"
    "Names @69022a3, raw_names_gender.csv (MIT, (c) 2022 Le Tan Loc)",
    "duyet": "names_duyet_namedb: github.com/duyet/vietnamese-namedb @2129070 (MIT, (c) 2016 "
    "Van-Duyet Le)",
    "hung": "surname_weights_hungnguyen18: github.com/hungnguyen18/vietnamese-name-generator "
    "@a37d5b1, src/data/surname.ts (MIT, (c) 2026 hungnguyen)",
    "admin": "admin_units_vn: PyPI vietnamadminunits 1.0.4 dataset.db (MIT, (c) 2025 Tran Ngoc "
    "Minh Hieu) and PyPI underthesea 9.5.0 address/data/mapping.json (Apache-2.0)",
    "words": "wordlist_viet74k: Viet74K.txt from PyPI underthesea 9.5.0 (Apache-2.0) and "
    "words.txt from PyPI pyvi 0.1.1 (MIT)",
    "people": "lexicons/sources/people.tsv: hand-compiled list of notable people (project's "
    "own; CC0 / facts)",
    "figures": "lexicons/sources/figures.tsv: hand-compiled legendary and worshipped figures "
    "(project's own; CC0 / facts); in people.tsv, not in the name priors",
    "landmarks": "lexicons/sources/landmarks.tsv: hand-compiled landmarks (project's own)",
    "adult": "lexicons/sources/adult_names.tsv: hand-compiled per-mille estimates of name "
    "syllables among people born 1940-1985 (project's own; CC0)",
}
# The estimated adult-generation frequencies weigh as much as all the student-age names of the
# same gender together: news names (officials, generals, business people) are of that generation.
ADULT_SHARE = 1.0


# --------------------------------------------------------------------------- validation

_ETH = str.maketrans("Ðð", "Đđ")


@dataclass
class Drops:
    """Tokens (and the names or rows they sank) dropped, by source and reason."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: defaultdict[tuple[str, str], Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter))

    def add(self, source: str, reason: str, token: str) -> None:
        self.counts[source, reason] += 1
        self.examples[source, reason][token] += 1

    def lines(self, sources: Iterable[str] | None = None) -> list[str]:
        wanted = None if sources is None else set(sources)
        out = []
        for (source, reason), count in sorted(self.counts.items()):
            if wanted is None or source in wanted:
                top = self.examples[source, reason].most_common(5)
                shown = ", ".join(t for t, _ in sorted(top, key=lambda x: (-x[1], x[0])))
                out.append(f"{source}: {count} dropped, {reason} (e.g. {shown})")
        return out


def breaks_spelling_rules(form: str) -> bool:
    """True for syllables that split() accepts but Vietnamese spelling forbids (ka, ce, ghe…)."""
    parts = split(form)
    if parts is None:
        return True
    onset, rhyme, _ = parts
    first = rhyme[0]
    if onset in ("k", "gh", "ngh"):
        return first not in "eêiy"
    if onset in ("c", "ng") and first in "eêiy":
        return True
    if onset == "g" and first in "eê":
        return True
    if onset == "qu" and first in "ou":
        return True
    return onset == "c" and rhyme.startswith(("uy", "uê", "uâ", "uơ", "oa", "oă", "oe"))


def normalize(text: str) -> str:
    """NFC, with the look-alike Ð/ð (U+00D0/U+00F0, Icelandic eth) read as Đ/đ."""
    return unicodedata.normalize("NFC", text).translate(_ETH)


def check_syllable(token: str) -> tuple[str | None, str]:
    """``(canonical lower-case syllable, "")`` or ``(None, reason for dropping it)``."""
    text = normalize(token).strip(".,;:!?()[]\"'").lower()
    if not text.isalpha():
        return None, "not letters only (digits, punctuation, symbols)"
    form = canonical(text)
    if form is None:
        if text.startswith("qu") and split("hu" + text[2:]) is not None:
            return None, "qu + y-rhyme rejected by translit.syllable.split (quỳnh, quýt)"
        return None, "not a Vietnamese syllable (foreign word, typo, mis-decoded font)"
    if breaks_spelling_rules(form):
        return None, "breaks the c/k/q, g/gh, ng/ngh spelling rules"
    return form, ""


def canonical_words(text: str, source: str, drops: Drops) -> list[str] | None:
    """All syllables of ``text`` canonicalised, or None (and the bad tokens counted)."""
    forms = []
    for token in text.split():
        form, reason = check_syllable(token)
        if form is None:
            drops.add(source, reason, token)
            return None
        forms.append(form)
    return forms


def canonical_place(text: str) -> str:
    """Canonical tone placement for every part of a proper name that is a syllable.

    Parts that are not Vietnamese syllables (Đắk, M'Drắk, Pleiku, digits, "-") stay as written.
    """
    out = []
    for part in normalize(text).split():
        form = canonical(part) if part.isalpha() else None
        out.append(part if form is None else (title(form) if part[0].isupper() else form))
    return " ".join(out)


# --------------------------------------------------------------------------- names


@dataclass(frozen=True)
class Name:
    """A parsed full name, lower-case canonical syllables."""

    surname: tuple[str, ...]
    middle: tuple[str, ...]
    given: str


@dataclass(frozen=True)
class NameRecord:
    name: Name
    gender: str  # M, F or U
    weight: int
    source: str  # locle, duyet, people


def parse_name(text: str, compounds: frozenset[str], source: str, drops: Drops) -> Name | None:
    """Surname (one syllable, or two if they form a known compound), middles, given name."""
    forms = canonical_words(text, source, drops)
    if forms is None:
        drops.add(source, "whole name dropped (contains a token dropped above)", text)
        return None
    if len(forms) < 2:
        drops.add(source, "whole name dropped (fewer than two syllables)", text)
        return None
    size = 2 if len(forms) >= 3 and title(" ".join(forms[:2])) in compounds else 1
    return Name(tuple(forms[:size]), tuple(forms[size:-1]), forms[-1])


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def read_lines(path: Path) -> list[str]:
    text = normalize(path.read_text(encoding="utf-8"))
    return [line.strip() for line in text.splitlines() if line.strip()]


def full_name_records(data: Path, compounds: frozenset[str], drops: Drops) -> list[NameRecord]:
    """locle1011 names with gender, then duyet uit_member full names (gender U)."""
    records = []
    for row in read_csv(data / "names_locle1011" / "raw_names_gender.csv"):
        name = parse_name(row["name"], compounds, "locle1011", drops)
        if name is not None:
            records.append(NameRecord(name, GENDERS[row["gender"].strip().lower()], 1, "locle"))
    members = json.loads((data / "names_duyet_namedb" / "uit_member.json").read_text("utf-8"))
    for member in members:
        text = normalize(member["full_name"])
        name = parse_name(text, compounds, "duyet uit_member", drops)
        if name is not None:
            records.append(NameRecord(name, "U", 1, "duyet"))
    return records


def given_list_records(data: Path, drops: Drops) -> list[NameRecord]:
    """duyet boy/girl "middle given" combinations and one-word given-name lists."""
    records = []
    for stem, gender in (("boy", "M"), ("girl", "F")):
        for file, size in ((f"{stem}.txt", 2), (f"{stem}_one_word.txt", 1)):
            for line in read_lines(data / "names_duyet_namedb" / file):
                forms = canonical_words(line, f"duyet {file}", drops)
                if forms is None or len(forms) != size:
                    if forms is not None:
                        drops.add(f"duyet {file}", f"entry without {size} syllable(s)", line)
                    continue
                records.append(NameRecord(Name((), tuple(forms[:-1]), forms[-1]), gender, 1,
                                          "duyet"))
    return records


def read_source_rows(stem: str) -> list[dict[str, str]]:
    """Rows of lexicons/sources/STEM.tsv and of any STEM_*.tsv beside it (more batches of the
    same table, same header), in file-name order."""
    paths = [SOURCES_DIR / f"{stem}.tsv", *sorted(SOURCES_DIR.glob(f"{stem}_*.tsv"))]
    rows: list[dict[str, str]] = []
    for path in paths:
        if path.exists():
            lines = [ln for ln in read_lines(path) if not ln.startswith("#")]
            rows += csv.DictReader(lines, delimiter="\t")
    return rows


def read_people_rows(*, figures: bool = True) -> list[dict[str, str]]:
    """Notable people (sources/people*.tsv), then, unless ``figures`` is false, legendary and
    worshipped figures (sources/figures*.tsv: the Tứ Phủ pantheon, Hùng kings, temple
    honorifics). Both are known names; only people feed the name priors, since titles such as
    Chầu, Ông Hoàng, Đại Vương are no sample of how people are named."""
    rows = read_source_rows("people")
    return rows + read_source_rows("figures") if figures else rows


def is_minority_row(row: dict[str, str]) -> bool:
    """Whether a people row is one of sources/people_minority.tsv (``words=minority``)."""
    return (row.get("words") or "").strip() == "minority"


def people_records(compounds: frozenset[str], surnames: set[str],
                   drops: Drops) -> list[NameRecord]:
    """Notable people, each counting PEOPLE_WEIGHT times (officials born 1950-1980).

    Names that do not start with a known surname (pen names, titles: "Bà Huyện Thanh Quan",
    "Xuân Diệu") are left out of the priors: their parts are not middle and given names.
    """
    records = []
    for row in read_people_rows(figures=False):
        if is_minority_row(row):
            # (Y Thanh Hà Niê Kđăm: no surname first, and words that are no syllable)
            drops.add("people.tsv", "not in the name priors (a minority name)", str(row["name"]))
            continue
        name = parse_name(row.get("name") or "", compounds, "people.tsv", drops)
        if name is None:
            continue
        if title(" ".join(name.surname)) not in surnames:
            drops.add("people.tsv", "not in the name priors (no known surname)", str(row["name"]))
            continue
        gender = GENDERS.get((row.get("gender") or "").strip().lower(), "U")
        records.append(NameRecord(name, gender, PEOPLE_WEIGHT, "people"))
    return records


# --------------------------------------------------------------------------- output


def clean_cell(value: object) -> str:
    text = unicodedata.normalize("NFC", str(value))
    if "\t" in text or "\n" in text:
        raise ValueError(f"tab or newline in a cell: {text!r}")
    return text


def write_tsv(path: Path, comments: list[str], header: list[str],
              rows: Iterable[list[object]]) -> int:
    """Write ``# comments``, a header and rows; LF line ends, UTF-8 NFC. Returns row count."""
    lines = [f"# {line}" for text in comments for line in textwrap.wrap(text, 98)]
    lines.append("\t".join(header))
    count = 0
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"{path.name}: row {row!r} does not match {header!r}")
        lines.append("\t".join(clean_cell(cell) for cell in row))
        count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    return count


def fmt_weight(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text if text != "0" else "0.00001"


def by_count(counter: Counter[tuple[str, ...]]) -> Iterator[list[object]]:
    """Rows ``[*key, count]`` sorted by descending count, then key."""
    for key, count in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
        yield [*key, count]


# --------------------------------------------------------------------------- syllables.tsv


def word_list_syllables(data: Path, drops: Drops) -> Counter[str]:
    """Number of word-list entries (Viet74K, pyvi) containing each syllable."""
    counts: Counter[str] = Counter()
    for file in ("Viet74K.txt", "pyvi_words.txt"):
        for entry in read_lines(data / "wordlist_viet74k" / file):
            found = set()
            for token in re.split(r"[\s\-]+", entry):
                if not token:
                    continue
                form, reason = check_syllable(token)
                if form is None:
                    drops.add(f"wordlist {file}", reason, token)
                else:
                    found.add(form)
            counts.update(found)
    return counts


def build_syllables(out: Path, data: Path, records: list[NameRecord], drops: Drops) -> int:
    counts = word_list_syllables(data, drops)
    for record in records:
        name = record.name
        counts.update([*name.surname, *name.middle, name.given])
    comments = [
        "syllables.tsv: inventory of valid toned Vietnamese syllables (lower case, canonical "
        "traditional tone placement: hòa, thủy), with how often each was seen.",
        f"Source: {LICENCES['words']}; count = number of entries containing the syllable.",
        f"Source: {LICENCES['locle']}; count = occurrences in full names.",
        f"Source: {LICENCES['duyet']}: uit_member.json full names and boy/girl lists; "
        "count = occurrences.",
        f"Source: {LICENCES['people']}; count = occurrences (weight 1).",
        "Tokens were split on spaces and hyphens, NFC-normalised, lower-cased and passed through "
        "translit.syllable.canonical; tokens that are not valid syllables were dropped "
        f"({sum(drops.counts.values())} token/name drops, by reason in lexicons/README.md). "
        "Sorted by descending count, then syllable.",
    ]
    rows = by_count(Counter({(syl,): n for syl, n in counts.items()}))
    return write_tsv(out / "syllables.tsv", comments, ["syllable", "count"], rows)


# --------------------------------------------------------------------------- surnames.tsv


# The centre of Vietnam from Quảng Bình south was Đàng Trong, where the Nguyễn lords' naming
# taboos turned Hoàng into Huỳnh and Vũ into Võ (Võ Nguyên Giáp, Võ Chí Công, Huỳnh Thúc Kháng
# are central); the source gives the whole centre the northern spellings. Half of the centre's
# share goes to the southern one.
CENTRAL_SPLIT = {"Hoàng": "Huỳnh", "Vũ": "Võ"}


def read_surname_regions(data: Path, drops: Drops) -> dict[str, list[float]]:
    """hungnguyen18 surname -> its weight_percent in each region it is listed for (the centre's
    Hoàng and Vũ shared with Huỳnh and Võ: :data:`CENTRAL_SPLIT`)."""
    path = data / "surname_weights_hungnguyen18" / "surname_weights_by_region.tsv"
    regions: dict[str, list[float]] = defaultdict(list)
    for row in read_csv(path, delimiter="\t"):
        if row["region"] not in ("north", "central", "south"):
            continue
        forms = canonical_words(row["surname"], "hungnguyen18", drops)
        if forms is None:
            continue
        surname = title(" ".join(forms))
        weight = float(row["weight_percent"])
        southern = CENTRAL_SPLIT.get(surname) if row["region"] == "central" else None
        if southern is not None:
            weight /= 2
            regions[southern].append(weight)
        regions[surname].append(weight)
    return dict(regions)


def surname_compounds(regions: dict[str, list[float]]) -> frozenset[str]:
    return frozenset(s for s in regions if " " in s and s not in AMBIGUOUS_COMPOUNDS)


def surname_weights(regions: dict[str, list[float]], counts: Counter[str]) -> dict[str, float]:
    """Percent of the population per surname.

    Top surnames (a real percentage > 0.05 in some region): mean over the three regions,
    absent = 0 (Hoàng/Huỳnh, Vũ/Võ are regional spellings). The remaining share (100 - their
    sum) is split among all other surnames in proportion to count + pseudo-count, where the
    pseudo-count is 0.5 for hungnguyen18's 0.05 % placeholders (0.2 for 0.02 %, 0.1 for
    0.01 %) and 0 for surnames seen only in the name lists.
    """
    top = {s: sum(w) / 3 for s, w in regions.items() if max(w) > 0.05}
    rest: dict[str, float] = {}
    for surname in sorted(set(regions) | set(counts)):
        if surname in top:
            continue
        placeholder = sum(regions.get(surname, [0.0])) / 3
        rest[surname] = counts[surname] + 10 * placeholder
    scale = (100 - sum(top.values())) / sum(rest.values())
    return top | {s: raw * scale for s, raw in rest.items()}


def surname_counts(records: list[NameRecord]) -> Counter[str]:
    """Full names per surname in the licensed name lists (not people.tsv)."""
    counts: Counter[str] = Counter()
    for record in records:
        if record.source in ("locle", "duyet") and record.name.surname:
            counts[title(" ".join(record.name.surname))] += 1
    return counts


def build_surnames(out: Path, regions: dict[str, list[float]], records: list[NameRecord]) -> int:
    counts = surname_counts(records)
    kept = Counter({s: n for s, n in counts.items() if n >= 2 or s in regions})
    weights = surname_weights(regions, kept)
    comments = [
        "surnames.tsv: Vietnamese surnames (title case, compounds space-separated) with the "
        "estimated share of the population in percent (weight) and the raw count.",
        f"Source: {LICENCES['hung']}: all its surnames (612 rows = 205 surnames x 3 regions; "
        "Fàng dropped: f is not a Vietnamese onset). Its top 32 have real percentages (from "
        "Wikipedia); weight = their mean over north/central/south (a region that does not list "
        "the name counts 0: the south writes Huỳnh, Võ for Hoàng, Vũ; the source gives the centre "
        "Hoàng and Vũ, but most of it was Đàng Trong and writes Huỳnh, Võ too: half of the "
        "centre's share goes to each). Nguyễn = 31.5; national "
        "estimates say 31-38%, the name lists below only ~24%.",
        f"Source: {LICENCES['locle']}; and {LICENCES['duyet']}, uit_member.json: count = number "
        "of full names with this surname (compound surnames recognised: "
        + ", ".join(sorted(surname_compounds(regions))) + ").",
        "All other surnames share 100% minus the top ones in proportion to count + "
        "pseudo-count (0.5/0.2/0.1 for hungnguyen18 placeholders of 0.05/0.02/0.01%), "
        "so unseen listed surnames keep a small non-zero weight; surnames found only in the "
        "name lists need count >= 2. Weights sum to 100 (rounded to 5 decimals). Sorted by "
        "descending weight, then surname.",
    ]
    rows = sorted(weights.items(), key=lambda item: (-round(item[1], 5), item[0]))
    table = ([s, fmt_weight(w), kept[s]] for s, w in rows)
    return write_tsv(out / "surnames.tsv", comments, ["surname", "weight", "count"], table)


# --------------------------------------------------------------------------- names


def name_comments(title_line: str) -> list[str]:
    return [
        title_line,
        f"Source: {LICENCES['locle']}: gender M/F, weight 1 per name.",
        f"Source: {LICENCES['duyet']}: boy.txt/girl.txt (\"middle given\" pairs, M/F), "
        "boy_one_word.txt/girl_one_word.txt (given names), uit_member.json (full names, gender "
        "U = not given); weight 1 per entry.",
        f"Source: {LICENCES['people']}: weight {PEOPLE_WEIGHT} per person whose name starts "
        f"with a known surname, because the "
        "student-age lists above (born ~2000-2007) under-represent names of officials born "
        "1950-1980 (Văn, Hữu, Đức ...); in name_pairs.tsv only "
        f"{PEOPLE_PAIR_WEIGHT} per person (a pair is specific to its person).",
        f"Source: {LICENCES['adult']}: in name_syllables.tsv only, per-mille x {ADULT_SHARE} x "
        "(names of that gender in the lists above) / 1000, rounded, so that the adult "
        "generation weighs as much as the student lists.",
        "A full name = surname (one syllable, or two if they form a compound surname of "
        "surnames.tsv, except " + ", ".join(sorted(AMBIGUOUS_COMPOUNDS)) + ", whose second "
        "syllable is nearly always a middle name) + middle syllable(s) + given name (last "
        "syllable). Names with a token that is not a valid syllable are dropped whole. Genders "
        "are separate rows; sum them for a gender-free prior. Sorted by descending count, "
        "then key.",
    ]


def adult_counts(records: list[NameRecord]) -> Counter[tuple[str, ...]]:
    """Per-mille estimates of the adult generation, as counts on the scale of the name lists."""
    path = SOURCES_DIR / "adult_names.tsv"
    counts: Counter[tuple[str, ...]] = Counter()
    if not path.is_file():
        return counts
    people_per_gender = Counter(r.gender for r in records if r.source != "people")
    rows = [line.split("\t") for line in read_lines(path) if not line.startswith("#")]
    for syllable, role, gender, per_mille in rows[1:]:
        form = canonical(syllable)
        if form is None or role not in ("middle", "given") or gender not in ("M", "F"):
            raise ValueError(f"adult_names.tsv: bad row {syllable!r} {role!r} {gender!r}")
        scale = ADULT_SHARE * people_per_gender[gender] / 1000
        counts[title(form), role, gender] += round(float(per_mille) * scale)
    return counts


def build_name_syllables(out: Path, records: list[NameRecord]) -> int:
    counts: Counter[tuple[str, ...]] = adult_counts(records)
    for record in records:
        for middle in record.name.middle:
            counts[title(middle), "middle", record.gender] += record.weight
        counts[title(record.name.given), "given", record.gender] += record.weight
    counts = Counter({key: count for key, count in counts.items() if count > 0})
    comments = name_comments("name_syllables.tsv: middle and given name syllables (title case)"
                             " by role and gender, weighted counts.")
    header = ["syllable", "role", "gender", "count"]
    return write_tsv(out / "name_syllables.tsv", comments, header, by_count(counts))


def build_name_pairs(out: Path, records: list[NameRecord]) -> int:
    counts: Counter[tuple[str, ...]] = Counter()
    for record in records:
        if record.name.middle:
            pair = title(f"{record.name.middle[-1]} {record.name.given}")
            counts[pair, record.gender] += min(record.weight, PEOPLE_PAIR_WEIGHT)
    comments = name_comments("name_pairs.tsv: last middle syllable + given name (\"Cẩm Tú\")"
                             " of names that have a middle name, by gender, weighted counts.")
    return write_tsv(out / "name_pairs.tsv", comments, ["pair", "gender", "count"],
                     by_count(counts))


# --------------------------------------------------------------------------- people.tsv


def canonical_alias(alias: str, problems: list[str]) -> str:
    """An alias with canonical tone placement where its parts are syllables."""
    fixed = canonical_place(alias)
    for part in fixed.split():
        if part.isalpha() and split(part) is None and part != fold(part):
            problems.append(f"alias {alias!r}: {part!r} is not a Vietnamese syllable")
    return fixed


def minority_name(text: str, problems: list[str]) -> str | None:
    """A name of an ethnic-minority person (sources/people_minority.tsv): canonical tone placement
    where a word is a syllable, the others as written when they are letters with a vowel (Niê,
    Kđăm, H'Hen); None (and the problem noted) otherwise."""
    name = canonical_place(text)
    odd = [word for word in name.split() if split(word) is None and not is_place_word(word)]
    if odd or not name:
        problems.append(f"name {text!r}: {odd!r} neither syllables nor words of a minority name")
        return None
    return name


def build_people(out: Path, compounds: frozenset[str], drops: Drops) -> int | None:
    rows = read_people_rows()
    if not rows:
        return None
    table: dict[str, list[object]] = {}
    problems: list[str] = []
    for row in rows:
        if is_minority_row(row):
            name = minority_name(row.get("name") or "", problems)
            if name is None:
                continue
        else:
            forms = canonical_words(row.get("name") or "", "people.tsv", drops)
            if forms is None:
                problems.append(f"name {row.get('name')!r}: invalid syllable, row skipped")
                continue
            name = title(" ".join(forms))
        gender = GENDERS.get((row.get("gender") or "").strip().lower(), "U")
        aliases = [canonical_alias(a.strip(), problems)
                   for a in (row.get("aliases") or "").split("|") if a.strip()]
        cells = [row.get(c) or "" for c in ("born", "prominence", "role")]
        if name in table:  # listed twice (a person who is also a worshipped figure)
            known = str(table[name][-1]).split("|") if table[name][-1] else []
            table[name][-1] = "|".join(dict.fromkeys([*known, *aliases]))
            continue
        table[name] = [name, gender, *[c.strip() for c in cells], "|".join(aliases)]
    for problem in problems:
        print(f"people.tsv: {problem}", file=sys.stderr)
    comments = [
        "people.tsv: notable Vietnamese people and figures, validated copy of "
        "lexicons/sources/people*.tsv and figures*.tsv.",
        f"Source: {LICENCES['people']}.", f"Source: {LICENCES['figures']}.",
        "Every syllable of the name was checked with translit.syllable.split and given the "
        "canonical tone placement (aliases too, where their parts are syllables); rows with an "
        f"invalid name were reported and skipped ({len(problems)} problems). The names of "
        "people_minority.tsv keep their words that are no syllable (Niê, Kđăm, H'Hen) as "
        "written. A name listed twice keeps its first row, with the aliases of both. Sorted by "
        "name.",
    ]
    header = ["name", "gender", "born", "prominence", "role", "aliases"]
    return write_tsv(out / "people.tsv", comments, header, (table[k] for k in sorted(table)))


# --------------------------------------------------------------------------- places.tsv

KINDS = {"Quận": "urban_district", "Huyện": "district", "Thị xã": "town", "Thành phố": "city",
         "Phường": "ward", "Xã": "commune", "Thị trấn": "township", "Đặc khu": "special_zone"}
_TYPE_PREFIX = re.compile("^(?:" + "|".join(KINDS) + r")\s*")


def read_place_names() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Exonyms (tone-less Latin forms, most usual first) and extra Vietnamese aliases of
    provinces and cities, from lexicons/sources/place_names.tsv."""
    exonyms: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    for row in read_source_rows("place_names"):
        for table, column in ((exonyms, "exonyms"), (aliases, "aliases")):
            values = [value for value in (row[column] or "").split("|") if value]
            if values:
                table[row["name"]] = values
    return exonyms, aliases


EXONYMS, PROVINCE_ALIASES = read_place_names()


@dataclass
class Place:
    name: str
    kind: str
    level: int
    parent: str
    prominence: int
    aliases: set[str] = field(default_factory=set)
    exonyms: list[str] = field(default_factory=list)

    def row(self) -> list[object]:
        aliases = "|".join(sorted(self.aliases - {self.name}))
        return [self.name, self.kind, self.level, self.parent, self.prominence, aliases,
                "|".join(self.exonyms)]


class Gazetteer:
    """Places keyed by (name, kind, parent); a second sighting only adds aliases."""

    def __init__(self) -> None:
        self.places: dict[tuple[str, str, str], Place] = {}
        self.skipped: Counter[str] = Counter()

    def add(self, place: Place) -> None:
        key = (place.name, place.kind, place.parent)
        if key in self.places:
            self.places[key].aliases |= place.aliases
        else:
            self.places[key] = place

    def add_unit(self, short: str, unit_type: str, level: int, parent: str) -> None:
        """A level-2 or level-3 unit from its short name and type word (Quận, Xã …)."""
        short = re.sub(r"\s*\([^)]*\)$", "", short.strip())  # "Yên Viên (Thị trấn)"
        name = canonical_place(short)
        core = _TYPE_PREFIX.sub("", name)  # any type word: the data has "Xã Phường 15"
        if not name or core.isdigit():
            self.skipped["purely numeric name (Phường 1)" if core else "empty name"] += 1
            return
        kind = KINDS[unit_type]
        exonyms = EXONYMS.get(name, []) if kind in ("city", "town", "district") else []
        prominence = 2 if level == 2 else 1
        self.add(Place(name, kind, level, parent, prominence, {f"{unit_type} {name}"},
                       list(exonyms)))

    def rows(self) -> list[list[object]]:
        order = sorted(self.places.values(), key=lambda p: (p.level, p.parent, p.name, p.kind))
        return [place.row() for place in order]


def add_provinces(gazetteer: Gazetteer, admin: Path) -> dict[str, str]:
    """Level-1 rows (63 legacy + 34 from 2025); returns province code → short name (legacy)."""
    aliases: defaultdict[str, set[str]] = defaultdict(set)
    for row in read_csv(admin / "wards_2025_34provinces.csv"):
        aliases[row["provinceShort"]].update(json.loads(row["provinceAlias"] or "[]"))
    legacy_names = {}
    for file in ("provinces_legacy_63.csv", "provinces_2025_34.csv"):
        for row in read_csv(admin / file):
            name = canonical_place(row["provinceShort"])
            full = canonical_place(row["province"])
            kind = "city" if full.startswith("Thành phố") else "province"
            exonyms = [*EXONYMS.get(name, []), title(fold(name))]
            place = Place(name, kind, 1, "", 3, {full, *aliases[row["provinceShort"]],
                                                 *PROVINCE_ALIASES.get(name, [])},
                          list(dict.fromkeys(exonyms)))
            gazetteer.add(place)
            if file.startswith("provinces_legacy"):
                legacy_names[row["provinceCode"]] = name
    return legacy_names


def add_units(gazetteer: Gazetteer, admin: Path) -> None:
    """Legacy districts (level 2) and legacy + 2025 wards/communes (level 3)."""
    provinces = add_provinces(gazetteer, admin)
    for row in read_csv(admin / "districts_legacy.csv"):
        gazetteer.add_unit(row["districtShort"], row["districtType"], 2,
                           provinces[row["provinceCode"]])
    for file in ("wards_legacy_63provinces.csv", "wards_2025_34provinces.csv"):
        for row in read_csv(admin / file):
            if not row["wardType"]:  # island districts without wards
                gazetteer.skipped["district row without a ward"] += 1
                continue
            parent = canonical_place(row["provinceShort"])
            gazetteer.add_unit(row["wardShort"], row["wardType"], 3, parent)


# Landmarks named after two places (Phong Nha - Kẻ Bàng, Tam Cốc - Bích Động, Côn Sơn - Kiếp Bạc):
# the news names either half alone. (Not roads, schools and the like, whose halves are termini or
# faculties: Cao Tốc Hà Nội - Hải Phòng, Đại Học Mỏ - Địa Chất.)
_HALVES_KINDS = frozenset({"national_park", "historic_site", "temple", "pagoda", "cave",
                           "historical_name", "old_town", "port", "mountain", "lake", "beach",
                           "island", "waterfall", "other"})


def _halves(name: str, kind: str) -> list[str]:
    """The two halves of a landmark named "X Y - Z W" (each 2 or 3 words), else nothing."""
    halves = [half.split() for half in re.split(r"\s*-\s*", name)]
    if kind.strip() not in _HALVES_KINDS or len(halves) != 2:
        return []
    if not all(2 <= len(half) <= 3 and all(word.isalpha() for word in half) for half in halves):
        return []
    return [" ".join(half) for half in halves]


@dataclass(frozen=True)
class GenericWords:
    """sources/generic_words.tsv: words that open landmark names (longest first), words that
    open no name, and the names of notable people (a place named after one gets no alias), also
    with a title before them (latin_titles.tsv: Đại Tướng Võ Nguyên Giáp)."""

    opening: tuple[str, ...]
    not_a_name: tuple[str, ...]
    people: frozenset[str]
    titles: tuple[str, ...]

    def is_person(self, name: str) -> bool:
        lowered = name.lower()
        return lowered in self.people or any(
            lowered.startswith(title + " ") and lowered[len(title) + 1:] in self.people
            for title in self.titles
        )


def generic_words() -> GenericWords:
    rows = read_source_rows("generic_words")
    people = {
        name.strip().lower() for row in read_people_rows()
        for name in (row["name"], *(row.get("aliases") or "").split("|")) if name.strip()
    }

    def longest_first(use: str) -> tuple[str, ...]:
        words = (row["words"] for row in rows if row["use"] == use)
        return tuple(sorted(words, key=lambda w: (-len(w.split()), w)))

    titles_file = REPO / "lexicons" / "latin_titles.tsv"
    lines = [ln for ln in read_lines(titles_file) if not ln.startswith("#")]
    titles = tuple(row["title"].lower() for row in csv.DictReader(lines, delimiter="\t")
                   if row["kind"] == "person")
    return GenericWords(longest_first("strip"), longest_first("not a name"), frozenset(people),
                        titles)


def _without_generic(name: str, generics: GenericWords) -> str | None:
    """A landmark's name without its opening generic word (Điện Kính Thiên -> Kính Thiên), when
    two or more words are left that are a name; else None."""
    for generic in generics.opening:
        if name.startswith(generic + " "):
            rest = name[len(generic) + 1:]
            if (len(rest.split()) < 2 or "-" in rest or generics.is_person(rest)
                    or any(rest.startswith(word + " ") for word in generics.not_a_name)):
                return None
            return rest
    return None


# Rivers and lakes go by their name with the water word, as Vietnamese writes them (Sông Hồng,
# Hồ Tây) and as the other landmarks keep theirs (Cầu Rồng, Chợ Bến Thành); the sources list
# some by the bare name with the full one as an alias.
WATER_WORDS = {"river": "Sông", "lake": "Hồ"}


def _water_name(name: str, kind: str, aliases: set[str]) -> str:
    """The main name of a river or lake listed by its bare name (Hồng -> Sông Hồng), when its
    aliases hold that form; any other name as it is."""
    word = WATER_WORDS.get(kind.strip())
    full = f"{word} {name}"
    return full if word and full in aliases else name


def add_landmarks(gazetteer: Gazetteer) -> int:
    count = 0
    generics = generic_words()
    for row in read_source_rows("landmarks"):
        listed = canonical_place(row.get("name") or "")
        if not listed:
            continue
        prominence = (row.get("prominence") or "").strip()
        aliases = {canonical_place(a) for a in (row.get("aliases") or "").split("|") if a.strip()}
        name = _water_name(listed, row.get("kind") or "", aliases)
        aliases.add(listed)
        for whole in (name, *aliases):
            aliases.update(_halves(whole, row.get("kind") or ""))
        aliases.update(
            bare for whole in (name, *aliases) if (bare := _without_generic(whole, generics))
        )
        exonyms = [e.strip() for e in (row.get("exonyms") or "").split("|") if e.strip()]
        gazetteer.add(Place(name, (row.get("kind") or "landmark").strip(), 4,
                            canonical_place(row.get("province") or ""),
                            int(prominence) if prominence.isdigit() else 1, aliases, exonyms))
        count += 1
    return count


def build_places(out: Path, data: Path) -> int:
    gazetteer = Gazetteer()
    add_units(gazetteer, data / "admin_units_vn")
    landmarks = add_landmarks(gazetteer)
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(gazetteer.skipped.items()))
    comments = [
        "places.tsv: Vietnamese administrative units (and landmarks) by the short name running "
        "text uses (Hà Nội, Ba Đình), title case, canonical tone placement where a part is a "
        "Vietnamese syllable (ethnic-minority parts such as Đắk, M'Drắk are kept as written).",
        f"Source: {LICENCES['admin']}: provinces (63 legacy + 34 from 1 July 2025; level 1, "
        "kind province or city = thành phố trực thuộc trung ương), legacy districts (level 2, "
        "kind district/urban_district/town/city, parent = province), legacy and 2025 wards "
        "(level 3, kind ward/commune/township (thị trấn)/special_zone, parent = province).",
        f"Source: {LICENCES['landmarks']}: level 4, parent = province ({landmarks} rows); a "
        "river or lake listed by its bare name with its full name as an alias goes by the full "
        "name (Sông Hồng, Hồ Tây), the bare one becoming an alias.",
        "Rows with the same name, kind and parent were merged (legacy + 2025 -> one row). "
        f"Skipped: {skipped}.",
        "prominence: 3 provinces and centrally-run cities, 2 districts and provincial cities, "
        "1 wards/communes. aliases: full names and dataset aliases; exonyms: tone-less "
        "English/French forms (hand-written, provinces and big cities). Sorted by level, "
        "parent, name, kind.",
    ]
    header = ["name", "kind", "level", "parent", "prominence", "aliases", "exonyms"]
    return write_tsv(out / "places.tsv", comments, header, gazetteer.rows())


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"raw data folder (default: {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default: {DEFAULT_OUT})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data: Path = args.data.resolve()
    if not (data / "names_locle1011").is_dir():
        print(f"error: raw data folder not found: {data} (pass --data PATH)", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    drops = Drops()
    regions = read_surname_regions(data, drops)
    compounds = surname_compounds(regions)
    licensed = full_name_records(data, compounds, drops) + given_list_records(data, drops)
    known = set(regions) | {s for s, n in surname_counts(licensed).items() if n >= 2}
    people = people_records(compounds, known, drops)
    sizes = {
        "syllables.tsv": build_syllables(out, data, licensed + people, drops),
        "surnames.tsv": build_surnames(out, regions, licensed),
        "name_syllables.tsv": build_name_syllables(out, licensed + people),
        "name_pairs.tsv": build_name_pairs(out, licensed + people),
        "places.tsv": build_places(out, data),
        "people.tsv": build_people(out, compounds, Drops()),
    }
    for file, size in sizes.items():
        print(f"{file}: {'absent source, not written' if size is None else f'{size} rows'}")
    for line in drops.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
