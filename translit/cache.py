"""A disk cache of the compiled tables, so that start-up does not recompile the lexicons.

Compiling the spelling index and the name model from the TSV lexicons takes about two seconds;
loading the compiled result takes a fraction of that. The cache file's name carries a
fingerprint of the lexicon files and the modules that compile them, so an edited lexicon or new
code never reads a stale table; each Python version and package version has a folder of its own,
so environments that share the cache do not evict each other. The cache lives in
``$TRANSLIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/translit``, else ``~/.cache/translit``; set
``TRANSLIT_CACHE_DIR=off`` to disable it. A cache that cannot be read or written is ignored:
the tables are then compiled in memory as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from translit.lexicon import lexicon_dir

T = TypeVar("T")

# The modules whose code decides what the compiled tables hold.
_COMPILERS = (
    "arabic.py", "channel.py", "names.py", "syllable.py", "lexicon.py", "latin.py", "cache.py",
)


def cache_dir() -> Path | None:
    """Where compiled tables are kept, or ``None`` when caching is off."""
    configured = os.environ.get("TRANSLIT_CACHE_DIR")
    if configured is not None:
        if configured.lower() in ("", "off", "0", "none"):
            return None
        base = Path(configured)
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "translit"
    return base / f"py{sys.version_info[0]}.{sys.version_info[1]}-{_version()}"


def _version() -> str:
    from translit import __version__

    return __version__


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of everything the compiled tables depend on."""
    digest = hashlib.sha256()
    lexicons = lexicon_dir()
    for entry in sorted(lexicons.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".tsv"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    package = Path(__file__).resolve().parent
    for name in _COMPILERS:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:20]


class CompiledTables:
    """Tables compiled once and kept in the disk cache, with per-process look-up caches (the
    ``lru_cache`` wrappers named in ``_caches``, made by ``_add_caches``) that are left out of
    the pickle and made anew when it is loaded."""

    _caches: tuple[str, ...] = ()

    def _add_caches(self) -> None:
        raise NotImplementedError

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        for name in self._caches:
            del state[name]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._add_caches()


def cached(name: str, build: Callable[[], T], of_type: type[T]) -> T:
    """``build()``, or the result of an earlier identical ``build()`` read back from disk.

    A file that does not unpickle to an ``of_type`` is rebuilt.
    """
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{fingerprint()}.pickle"
    try:
        with path.open("rb") as stream:
            value = pickle.load(stream)
        if isinstance(value, of_type):
            return value
    except Exception:  # any unreadable cache file is rebuilt, never fatal
        pass
    value = build()
    _store(path, value)
    _remove_stale(directory, name, keep=path)
    return value


def _remove_stale(directory: Path, name: str, *, keep: Path) -> None:
    """Tables compiled from other lexicons or code are never read again: delete them."""
    try:
        for stale in directory.glob(f"{name}-*.pickle"):
            if stale != keep:
                stale.unlink(missing_ok=True)
    except OSError:
        pass


def _store(path: Path, value: object) -> None:
    """Write atomically (temp file, then rename); a read-only or full disk is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
