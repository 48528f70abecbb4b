"""The row pipeline behind ``translit normalize``: decode each distinct name once, in order.

Rows flow through in chunks. Names already seen are answered from a bounded cache; the others are
decoded in this process or, with ``jobs > 1``, in worker processes that each build their own
:class:`translit.Normalizer`. At most a few chunks are in flight, so memory stays flat however
long the input, and results come back in input order.

>>> from translit.rows import InputRow
>>> rows = [InputRow("names.txt:1", ("تران كام تو",), "تران كام تو")]
>>> [annotation.text for _, annotation in annotate(rows, settings=DecodeSettings())]
['Trần Cẩm Tú']
"""

from __future__ import annotations

import concurrent.futures
import signal
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

import translit
from translit.rows import InputRow
from translit.types import Gender, Kind
from translit.writers import Annotation

CHUNK_SIZE = 256
CACHE_SIZE = 100_000
STATUSES = ("ok", "uncertain", "not_a_name", "error")


@dataclass(frozen=True, slots=True)
class DecodeSettings:
    """``top`` alternatives per row; below ``min_probability`` a reading is ``uncertain``;
    ``kind`` and ``gender``, when the whole list is of one, are hints for every name whose row
    gives none of its own (:attr:`InputRow.gender`, :attr:`InputRow.kind`)."""

    top: int = 0
    min_probability: float = 0.5
    jobs: int = 1
    extra_lexicons: tuple[str, ...] = ()
    kind: Kind | None = None
    gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """The compact, picklable answer for one distinct name (``None`` stands for not a name)."""

    text: str
    probability: float
    kind: str
    alternatives: tuple[str, ...]
    entry: str = ""


@dataclass(frozen=True, slots=True)
class Failure:
    """The library refused a name (a ``ValueError``); the row is reported, the run goes on."""

    message: str


Answer = Reading | Failure | None
# What is decoded once per run: a name with the hints it is read under.
Key = tuple[str, Gender | None, Kind | None]


class NameDecoder:
    """Turns distinct names into :data:`Answer` values with one :class:`translit.Normalizer`."""

    def __init__(self, settings: DecodeSettings) -> None:
        self._normalizer = translit.Normalizer(extra_lexicons=settings.extra_lexicons)
        self._top = settings.top

    def decode(self, key: Key) -> Answer:
        name, gender, kind = key
        try:
            found = self._normalizer.candidates(name, self._top + 1, kind=kind, gender=gender)
        except ValueError as error:
            return Failure(str(error))
        if not found:
            return None
        best = found[0]
        alternatives = tuple(match.text for match in found[1:])
        return Reading(best.text, best.probability, best.kind, alternatives, best.entry or "")

    def decode_all(self, keys: Sequence[Key]) -> list[Answer]:
        return [self.decode(key) for key in keys]


# One decoder per worker process, built by the pool's initializer (a Normalizer is not picklable).
_worker_decoder: NameDecoder | None = None


def _start_worker(settings: DecodeSettings) -> None:
    global _worker_decoder
    # Ctrl-C is the parent's to handle: it stops the pool and cleans up the output file. A
    # forked worker inherits the CLI's SIGTERM handler, which would print a traceback when the
    # pool stops it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_decoder = NameDecoder(settings)


def _decode_in_worker(keys: Sequence[Key]) -> list[Answer]:
    assert _worker_decoder is not None, "worker started without its initializer"
    return _worker_decoder.decode_all(keys)


class _Cache:
    """A least-recently-used map from name (and hints) to answer, bounded so long runs keep
    flat memory."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._answers: OrderedDict[Key, Answer] = OrderedDict()

    def __contains__(self, key: Key) -> bool:
        return key in self._answers

    def get(self, key: Key) -> Answer:
        self._answers.move_to_end(key)
        return self._answers[key]

    def put(self, key: Key, answer: Answer) -> None:
        self._answers[key] = answer
        self._answers.move_to_end(key)
        if len(self._answers) > self._size:
            self._answers.popitem(last=False)


def classify(row: InputRow, answer: Answer, *, min_probability: float) -> Annotation:
    """The annotation of a row from the answer for its name.

    >>> classify(InputRow("a.txt:1", ("x",), "x"), None, min_probability=0.5).status
    'not_a_name'
    """
    if row.error:
        return Annotation("error", error=row.error)
    if isinstance(answer, Failure):
        return Annotation("error", error=f"{row.where}: {answer.message}")
    if answer is None:
        return Annotation("not_a_name")
    status = "ok" if answer.probability >= min_probability else "uncertain"
    return Annotation(
        status, answer.text, answer.probability, answer.kind, answer.alternatives, answer.entry
    )


def _needs_decoding(row: InputRow) -> bool:
    return not row.error and bool(row.name.strip())


def _key(row: InputRow, settings: DecodeSettings) -> Key:
    """A row's name with its hints: its own gender and kind, else the list's."""
    return row.name, row.gender or settings.gender, row.kind or settings.kind


@dataclass
class _Chunk:
    rows: list[InputRow]
    row_keys: list[Key | None]  # each row's key, None for a row that is not decoded
    pending: concurrent.futures.Future[list[Answer]] | None = None
    keys: list[Key] = field(default_factory=list)  # the keys sent to a worker


def annotate(
    rows: Iterable[InputRow],
    *,
    settings: DecodeSettings,
    chunk_size: int = CHUNK_SIZE,
    cache_size: int = CACHE_SIZE,
    decoder: NameDecoder | None = None,
) -> Iterator[tuple[InputRow, Annotation]]:
    """Yield ``(row, annotation)`` for every row, in input order, decoding each name once.

    ``decoder`` decodes the names read in this process (built from ``settings`` on first need
    when ``None``): a caller that builds it first learns of a bad lexicon before any output.
    """
    cache = _Cache(cache_size)
    local = decoder
    pool: concurrent.futures.ProcessPoolExecutor | None = None
    if settings.jobs > 1:
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=settings.jobs, initializer=_start_worker, initargs=(settings,)
        )
    window: deque[_Chunk] = deque()
    in_flight: set[Key] = set()
    source = iter(rows)
    finished = False
    try:
        while True:
            batch = list(islice(source, chunk_size))
            if batch:
                chunk = _Chunk(batch, [
                    _key(row, settings) if _needs_decoding(row) else None for row in batch
                ])
                chunk.keys = list(dict.fromkeys(
                    key for key in chunk.row_keys
                    if key is not None and key not in cache and key not in in_flight
                ))
                if pool is not None and chunk.keys:
                    chunk.pending = pool.submit(_decode_in_worker, chunk.keys)
                    in_flight.update(chunk.keys)
                window.append(chunk)
            # Keep a couple of chunks per worker queued, and no more: that bounds memory.
            while window and (not batch or len(window) > 2 * settings.jobs
                              or window[0].pending is None):
                chunk = window.popleft()
                if chunk.pending is not None:
                    for key, decoded in zip(chunk.keys, chunk.pending.result()):
                        cache.put(key, decoded)
                        in_flight.discard(key)
                for row, row_key in zip(chunk.rows, chunk.row_keys):
                    answer: Answer = None
                    if row_key is not None:
                        if row_key not in cache:
                            local = local or NameDecoder(settings)
                            cache.put(row_key, local.decode(row_key))
                        answer = cache.get(row_key)
                    yield row, classify(row, answer, min_probability=settings.min_probability)
            if not batch:
                finished = True
                return
    finally:
        if pool is not None:
            # Waits for the chunks being decoded (a few hundred names each) also when the caller
            # stopped early (| head): not waiting leaves the pool's threads to the interpreter's
            # exit, which in CPython 3.11 can print an OSError from a closed wake-up pipe.
            pool.shutdown(wait=True, cancel_futures=not finished)
