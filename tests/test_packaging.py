"""The wheel carries the lexicons: build it, install it in a fresh venv, run the CLI on a name."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None, reason="hatchling (build backend) not installed"
)


def run(*command: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRANSLIT_CACHE_DIR": "off", "PIP_NO_INDEX": "1"}
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, input=stdin, capture_output=True,
        text=True, check=True, timeout=300,
    )


def test_installed_wheel_reads_a_name_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", dist,
        ROOT, cwd=tmp_path)
    wheel = next(dist.glob("translit-*.whl"))
    environment = tmp_path / "venv"
    # System site-packages provide the dependencies (no network in tests); the wheel itself goes
    # into the venv, whose site-packages come first.
    venv.create(environment, system_site_packages=True, with_pip=False)
    python = environment / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", wheel,
        cwd=tmp_path)
    where = run(python, "-c", "import translit; print(translit.__file__)", cwd=tmp_path)
    assert str(environment) in where.stdout
    script = environment / "bin" / "translit"
    out = run(script, "normalize", "--quiet", cwd=tmp_path, stdin="تران كام تو\n")
    assert "Trần Cẩm Tú" in out.stdout
