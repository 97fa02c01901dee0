"""README.md's commands work as written: on a fresh Debian/Ubuntu, from the repository, in CI."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def section(title: str) -> str:
    return README.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_quick_start_makes_a_virtual_environment_before_any_pip_or_python():
    commands = re.findall(r"```sh\n(.*?)```", section("Quick start (fresh machine)"), flags=re.DOTALL)
    assert commands[0].strip() == "python3 -m venv .venv && . .venv/bin/activate"  # PEP 668; no `python`
    for command in commands[1:]:
        assert command.startswith("python -m pip install "), command


def test_ci_runs_exactly_the_readme_test_command():
    commands = re.findall(r"```sh\n(.*?)```", section("Quick start (fresh machine)"), flags=re.DOTALL)
    test_command = commands[-1].strip()
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_every_install_is_from_the_repository():
    installs = [line for block in blocks("sh") + blocks("yaml") for line in block.splitlines() if "pip install" in line]
    assert installs
    for line in installs:
        assert "git+https://github.com/kerascheck/kerascheck" in line or " '.[" in line, line


def test_ci_examples_do_not_hide_failures():
    assert "|| true" not in README
    assert "continue-on-error" not in README


def test_pre_commit_example_names_a_commit_and_judges_auto():
    (example,) = [block for block in blocks("yaml") if "repos:" in block]
    rev = re.search(r"rev: (\S+)", example).group(1)
    assert re.fullmatch(r"[0-9a-f]{40}", rev)  # no tag exists: a commit SHA, explained below the example
    assert "pre-commit autoupdate --bleeding-edge --freeze" in README
    hooks = re.findall(r"- id: (\S+)\n\s+args: \[(.*?)\]", example)
    assert hooks == [("kerascheck", "--keras-target=auto"), ("kerascheck-project", "--keras-target=auto")]


def test_github_actions_command_reports_findings_and_still_fails_on_errors(tmp_path, kerascheck):
    (example,) = [block for block in blocks("yaml") if "upload-sarif" in block]
    (command,) = [line.split("- run: ", 1)[1] for line in example.splitlines() if "- run: kerascheck" in line]
    argv = shlex.split(command)[1:]
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    result = kerascheck(*argv, cwd=tmp_path / "examples")
    assert result.returncode == 0, result.stderr
    sarif = json.loads((tmp_path / "examples" / "kerascheck.sarif").read_text())
    assert sarif["runs"][0]["results"]  # the findings go to code scanning
    broken = kerascheck(*argv, "--select=KER210", cwd=tmp_path / "examples")
    assert broken.returncode == 2


@pytest.mark.parametrize("rule", ["keras1-keyword", "KER201"])
def test_explain_examples_work(rule, kerascheck, tmp_path):
    result = kerascheck("--explain", rule, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("KER201 (keras1-keyword)")
