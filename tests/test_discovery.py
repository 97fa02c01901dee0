"""Which files a folder search finds: ruff's default exclusions, .gitignore, and what -v says."""

from __future__ import annotations

from pathlib import Path

import pytest

from kerascheck.files import Skipped, discover
from kerascheck.gitignore import parse

KERAS1 = "from keras.layers import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"


def found(root: Path, **options) -> list:
    return [path.relative_to(root).as_posix() for path, _ in discover([str(root)], **options)]


def tree(root: Path, *files: str) -> None:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(KERAS1 if name.endswith(".py") else "")


@pytest.mark.parametrize(
    "pattern, path, is_folder, ignored",
    [
        ("*.py", "a/b/m.py", False, True),
        ("/m.py", "m.py", False, True),
        ("/m.py", "a/m.py", False, False),  # anchored by the leading slash
        ("a/m.py", "x/a/m.py", False, False),  # anchored by a slash in the middle
        ("build/", "pkg/build", True, True),
        ("build/", "pkg/build", False, False),  # a folder-only pattern, a file of that name
        ("**/gen", "x/y/gen", True, True),
        ("a/**/m.py", "a/x/y/m.py", False, True),
        ("a/**/m.py", "a/m.py", False, True),
        ("out/**", "out/x/m.py", False, True),
        ("m?.py", "m1.py", False, True),
        ("m[0-3].py", "m4.py", False, False),
        ("m[!0-3].py", "m4.py", False, True),
        ("\\#m.py", "#m.py", False, True),
        ("# comment", "# comment", False, False),
    ],
)
def test_gitignore_patterns(pattern, path, is_folder, ignored):
    patterns = parse(pattern, ".gitignore")
    assert any(p.regex.match(path) and (is_folder or not p.folders_only) for p in patterns) is ignored


def test_gitignore_is_respected_inside_a_repository(tmp_path):
    tree(tmp_path, "src/m.py", "src/gen/g.py", "build/b.py", "keep/k.py", "keep/drop.py", "notes.py")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n/notes.py\n*.py\n!src/**\n!keep/\n!keep/*.py\n")
    (tmp_path / "keep" / ".gitignore").write_text("drop.py\n")
    (tmp_path / "src" / ".gitignore").write_text("gen/\n")
    assert found(tmp_path) == ["keep/k.py", "src/m.py"]
    everything = found(tmp_path, respect_gitignore=False)
    assert everything == ["notes.py", "build/b.py", "keep/drop.py", "keep/k.py", "src/m.py", "src/gen/g.py"]


def test_gitignore_counts_only_inside_a_repository(tmp_path):
    tree(tmp_path, "build/b.py", "m.py")
    (tmp_path / ".gitignore").write_text("build/\n")
    assert found(tmp_path) == ["m.py", "build/b.py"]  # as git and ruff: no .git, no ignore files


def test_git_info_exclude_and_a_search_below_the_root(tmp_path):
    tree(tmp_path, "pkg/a.py", "pkg/tmp/t.py")
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("tmp/\n")
    assert found(tmp_path / "pkg") == ["a.py"]


def test_build_is_searched_dist_is_not_as_in_ruff(tmp_path):
    tree(tmp_path, "pkg/build/b.py", "dist/d.py", "_build/x.py", "venv/v.py", "env/e.py")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    skipped: list = []
    assert found(tmp_path, skipped=skipped) == ["pkg/build/b.py"]
    assert skipped == [
        Skipped(tmp_path / "_build", "a default exclusion"),
        Skipped(tmp_path / "dist", "a default exclusion"),
        Skipped(tmp_path / "env", "a virtual environment"),
        Skipped(tmp_path / "venv", "a default exclusion"),
    ]


def test_named_files_are_checked_even_when_ignored(tmp_path):
    tree(tmp_path, "build/b.py")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n")
    assert [path for path, _ in discover([str(tmp_path / "build" / "b.py")])] == [tmp_path / "build" / "b.py"]


def test_verbose_says_what_the_search_skipped(tmp_path, kerascheck):
    tree(tmp_path, "m.py", "build/b.py", "dist/d.py")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("# output\nbuild/\n")
    code, out, err = kerascheck("-v", "--select=KER201", ".", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["m.py"]
    assert "kerascheck: skipped build (ignored by .gitignore:2)\n" in err
    assert "kerascheck: skipped dist (a default exclusion)\n" in err
    code, out, err = kerascheck("--no-respect-gitignore", "--select=KER201", ".", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["m.py", "build/b.py"]


@pytest.mark.parametrize("named", [".", "./src", "src/../src", "../src"])
def test_gitignore_applies_to_a_folder_named_relatively(tmp_path, monkeypatch, named):
    """The ignore files are matched against the path from the repository's root, however the folder
    searched was written (``.``, ``./src``, ``..`` inside it)."""
    repo = tmp_path / "repo"
    tree(repo, "src/m.py", "src/gen/g.py", "src/skip.py")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("gen/\n/src/skip.py\n")
    monkeypatch.chdir(repo / "src" if named.startswith("../") else repo)
    paths = [Path(found).as_posix() for found, _ in discover([Path(named)])]
    assert [path.rsplit("/", 1)[-1] for path in paths] == ["m.py"]
