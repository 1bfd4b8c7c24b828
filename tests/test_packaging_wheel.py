"""packaging: a wheel built from the sources, installed (--no-deps) into a fresh venv, answers a seed
question from a temporary working directory: the lexicon and the question templates are read from the
installed package, not from the repository."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.support import SEEDS

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list, cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KGQA_STORE", "KGQA_LEXICON_DIR")}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the venv's bin folder, an empty working directory) with the wheel installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a copy, so that the build leaves nothing in the repository
    shutil.copytree(ROOT / "service", source / "service", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp / "dist", source], tmp)
    (wheel,) = (tmp / "dist").glob("kgqa-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", venv], tmp)
    # the dependencies come from .venv's site-packages, added as a plain path: its .pth files (the
    # editable install of this repository among them) are not run, so `service` can only be the wheel's
    purelib = Path(sysconfig.get_paths()["purelib"])
    (site,) = (venv / "lib").glob("python3*/site-packages")
    (site / "zz-kgqa-test-deps.pth").write_text(f"{purelib}\n", encoding="utf-8")
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel], tmp)
    work = tmp / "work"
    work.mkdir()
    return venv / "bin", work


def test_packaging_wheel_reads_its_own_package(installed):
    bin_dir, work = installed
    probe = "import service, service.lexicon as l; print(service.__file__); print(l.BUILT_IN)"
    lines = _run([bin_dir / "python", "-c", probe], work).stdout.split()
    venv = bin_dir.parent
    assert all(Path(line).is_relative_to(venv) for line in lines), lines
    assert (Path(lines[1]) / "actors.json").is_file()


def test_packaging_wheel_answers_a_seed_question(installed):
    bin_dir, work = installed
    _run([bin_dir / "kgqa", "ingest", "--store", "store", SEEDS], work)
    out = _run([bin_dir / "kgqa", "ask", "--store", "store", "--json", "Who proposed what at the UN meeting?"], work)
    answers = json.loads(out.stdout)["answers"]
    assert answers and any("Putin" in a["text"] for a in answers)
