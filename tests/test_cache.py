"""The disk cache of compiled tables."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from translit import cache
from translit.channel import Channel, default_channel
from translit.latin import LatinReader, reader_for
from translit.names import NameModel, PlaceTree, default_model, place_tree


def test_compiled_tables_survive_a_pickle_round_trip() -> None:
    channel = pickle.loads(pickle.dumps(default_channel()))
    assert isinstance(channel, Channel)
    assert channel.read("نجوين") == default_channel().read("نجوين")
    model = pickle.loads(pickle.dumps(default_model()))
    assert isinstance(model, NameModel)
    assert model.toned("nguyên", "surname", "M") == default_model().toned("nguyên", "surname", "M")
    tree = pickle.loads(pickle.dumps(place_tree()))
    assert isinstance(tree, PlaceTree) and tree == place_tree()
    assert tree.lies_in("Ba Đình", "Hà Nội") and not tree.lies_in("Hà Nội", "Huế")
    reader = pickle.loads(pickle.dumps(reader_for(default_channel())))
    assert isinstance(reader, LatinReader)
    assert reader.read("Nguyen") == reader_for(default_channel()).read("Nguyen")
    assert reader.exonym_places("Saigon") == reader_for(default_channel()).exonym_places("Saigon")


def test_cached_builds_once_then_reads_from_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"answer": 42}

    assert cache.cached("probe", build, dict) == {"answer": 42}
    assert cache.cached("probe", build, dict) == {"answer": 42}
    assert len(calls) == 1
    directory = cache.cache_dir()
    assert directory is not None and directory.parent == tmp_path
    assert [p.name.startswith("probe-") for p in directory.iterdir()] == [True]


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path))
    directory = cache.cache_dir()
    assert directory is not None
    directory.mkdir(parents=True)
    (directory / f"probe-{cache.fingerprint()}.pickle").write_bytes(b"not a pickle")
    assert cache.cached("probe", lambda: [1, 2], list) == [1, 2]


def test_an_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("probe", lambda: "built", str) == "built"


def test_caching_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.cached("probe", lambda: "fresh", str) == "fresh"


def test_tables_of_an_older_fingerprint_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path))
    directory = cache.cache_dir()
    assert directory is not None
    directory.mkdir(parents=True)
    stale = directory / "probe-0000000000.pickle"
    stale.write_bytes(b"old")
    other = directory / "other-0000000000.pickle"
    other.write_bytes(b"another table")
    cache.cached("probe", lambda: 1, int)
    assert not stale.exists() and other.exists()


def test_a_cache_file_of_the_wrong_type_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path))
    assert cache.cached("probe", lambda: "text", str) == "text"
    assert cache.cached("probe", lambda: 7, int) == 7


def test_each_python_and_package_version_has_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSLIT_CACHE_DIR", str(tmp_path))
    directory = cache.cache_dir()
    assert directory is not None and directory.name.startswith("py3.")
