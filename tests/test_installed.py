"""The shipped model loads from an installed, non-editable package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md", "stanceclf"):
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", ".lock", "*.tmp"))
        else:
            shutil.copy(path, source / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("stanceclf-*.whl")
    return built


def test_wheel_ships_the_model_and_its_card(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"stanceclf/models/model.npz", "stanceclf/models/card.json", "stanceclf/models/card.md"} <= names
    assert not any(name.endswith(".lock") for name in names)


def test_installed_package_classifies_with_the_shipped_model(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import stanceclf, sys; "
        "assert stanceclf.__file__.startswith(sys.argv[1]), stanceclf.__file__; "
        "p = stanceclf.classify('Putin said Russia was ready for talks. Kyiv refused.'); "
        "print(len(p), p[0].stance in stanceclf.STANCES)"
    )
    # Run from an empty folder so that the repository cannot be imported by accident.
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "True"]


def test_classifying_imports_neither_scikit_learn_nor_joblib():
    """The shipped model loads and scores with numpy and scipy only (fast start, no code run from the file)."""
    script = (
        "import sys, stanceclf; stanceclf.classify('Moscow is ready for talks. Kyiv refused.'); "
        "stanceclf.classify_statements(['x']); list(stanceclf.classify_many(['a. b.'])); "
        "print(sorted(m for m in ('sklearn', 'joblib') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
