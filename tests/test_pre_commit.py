"""The pre-commit hooks, run through `pre-commit try-repo` on a small repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "project"
    repo.mkdir()
    (repo / "model.py").write_text(
        "from tensorflow.keras.layers import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"
    )
    (repo / "requirements.txt").write_text("tensorflow==2.15.0\nkeras>=3\n")
    _git("init", "-q", cwd=repo)
    _git("add", ".", cwd=repo)
    return repo


def _try_repo(hook, repo, home):
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_hooks(repository, tmp_path):
    home = tmp_path / "pre-commit-home"
    files = _try_repo("kerascheck", repository, home)
    assert files.returncode == 1, files.stdout + files.stderr
    assert "model.py:2:19: KER201" in files.stdout
    project = _try_repo("kerascheck-project", repository, home)
    assert project.returncode == 1, project.stdout + project.stderr
    assert "requirements.txt:2:1: KER503" in project.stdout
    assert "KER201" not in project.stdout
