"""The auto target, read from the project's pins."""

from __future__ import annotations

import pytest

from kerascheck.catalog.model import Target
from kerascheck.pins import auto_target, read_pins

CASES = [
    ("requirements.txt", "numpy\ntensorflow==2.16.1\n", Target.KERAS3, "tensorflow==2.16.1 (requirements.txt:2)"),
    ("requirements.txt", "tensorflow-cpu>=2.10,<2.16  # pinned\n", Target.TF_KERAS, "requirements.txt:1"),
    ("requirements-dev.txt", "keras>=3.0\n", Target.KERAS3, "keras>=3.0 (requirements-dev.txt:1)"),
    ("requirements.txt", "keras==2.2.4\n", Target.TF_KERAS, "keras==2.2.4"),
    ("requirements.txt", "tensorflow\nnot a requirement ===\n", Target.TF_KERAS, "the default"),
    ("pyproject.toml", '[project]\nname = "x"\ndependencies = ["keras>=3.2"]\n', Target.KERAS3, "pyproject.toml"),
    ("pyproject.toml", '[tool.poetry.dependencies]\ntensorflow = "~2.15"\n', Target.TF_KERAS, "pyproject.toml"),
    ("pyproject.toml", '[tool.poetry.dependencies]\ntensorflow = "^2.15"\n', Target.TF_KERAS, "the default"),
    ("pyproject.toml", '[tool.poetry.dependencies]\ntensorflow = "~2.17"\n', Target.KERAS3, "pyproject.toml"),
    ("setup.cfg", "[options]\ninstall_requires =\n    tensorflow~=2.17.0\n", Target.KERAS3, "setup.cfg"),
]


@pytest.mark.parametrize("name, text, target, reason", CASES)
def test_auto_target_from_pins(tmp_path, name, text, target, reason):
    (tmp_path / name).write_text(text)
    (tmp_path / "src").mkdir()
    decision = auto_target(tmp_path / "src")
    assert decision.target is target
    assert reason in decision.reason


def test_cli_says_which_target_auto_chose(tmp_path, kerascheck):
    (tmp_path / "requirements.txt").write_text("tensorflow==2.17.0\n")
    (tmp_path / "m.py").write_text("import keras\n")
    result = kerascheck("--keras-target=auto", "m.py", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == "kerascheck: keras target keras3, from tensorflow==2.17.0 (requirements.txt:1)\n"


@pytest.mark.parametrize(
    "pins, code",
    [
        ("keras==2.2.4\ntensorflow==2.9.1\n", "KER504"),
        ("keras==2.0.8\ntensorflow==2.5.0rc0\n", "KER504"),
        ("keras==3.0.1\ntensorflow==2.9.1\n", "KER503"),
        ("keras==2.9.0\ntensorflow==2.9.1\n", None),
    ],
)
def test_exact_pins_are_judged_by_their_release_line(tmp_path, pins, code, kerascheck):
    (tmp_path / "requirements.txt").write_text(pins)
    result = kerascheck("--no-config", "-q", "--select=KER501,KER502,KER503,KER504", ".", cwd=tmp_path)
    assert [line.split()[1] for line in result.stdout.splitlines()] == ([code] if code else [])


def test_requirements_files_read_as_pip_reads_them(tmp_path):
    """pip-compile's hashes continue a requirement with `\\`; URLs and local paths are installed from there."""
    (tmp_path / "requirements.txt").write_text(
        "tensorflow==2.12.0 \\\n    --hash=sha256:0d8e  # via -r requirements.in\n"
        "git+https://github.com/keras-team/keras-cv.git#egg=keras-cv\n./vendor/lib\n"
        "keras @ https://example.com/keras-2.12.0-py2.py3-none-any.whl\n\tnumpy>=1.23\t# tab before the comment\n"
    )
    pins = read_pins(tmp_path)
    assert [(str(pin.requirement), pin.line) for pin in pins.pins] == [
        ("tensorflow==2.12.0", 1),
        ("keras @ https://example.com/keras-2.12.0-py2.py3-none-any.whl", 5),
        ("numpy>=1.23", 6),
    ]
    assert pins.bad == []


@pytest.mark.parametrize(
    "dependencies, extras, found",
    [
        # two extras are installed one at a time: a project offering either Keras is no conflict
        ("[]", 'tf215 = ["tensorflow-cpu==2.15.*"]\nkeras3 = ["keras==3.15.1", "jax"]', []),
        # an extra is installed with the project's own dependencies
        ('["tensorflow==2.15.1"]', 'keras3 = ["keras==3.15.1"]', ["KER503"]),
        # one extra asking for both
        ("[]", 'all = ["tensorflow==2.15.1", "keras==3.15.1"]', ["KER503"]),
        ('["keras==3.15.1", "tensorflow==2.15.1"]', "", ["KER503"]),
    ],
)
def test_pins_of_different_extras_are_never_paired(tmp_path, kerascheck, dependencies, extras, found):
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "p"\ndependencies = {dependencies}\n\n[project.optional-dependencies]\n{extras}\n'
    )
    result = kerascheck("--no-config", "-q", "--select=KER5", ".", cwd=tmp_path)
    assert [line.split()[1] for line in result.stdout.splitlines()] == found
    extras_of = {str(pin.requirement): pin.extra for pin in read_pins(tmp_path).pins}
    assert all(extra == "" for text, extra in extras_of.items() if text in dependencies)
