"""Report formats: json, sarif (validated against the SARIF 2.1.0 schema), github, statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kerascheck.findings import Finding
from kerascheck.output import github_line

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
KERAS1 = "from keras.layers.convolutional import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "model.py").write_text(KERAS1)
    return tmp_path


def test_json(project, kerascheck):
    result = kerascheck("--format=json", "pkg/model.py", cwd=project)
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert [(i["code"], i["location"], i["end_location"]) for i in items] == [
        ("KER101", {"row": 1, "column": 1}, {"row": 1, "column": 46}),
        ("KER201", {"row": 2, "column": 19}, {"row": 2, "column": 30}),
    ]
    second = items[1]
    assert second["symbol"] == "keras1-keyword" and second["filename"] == "pkg/model.py"
    assert second["fix"] == {
        "applicability": "safe",
        "message": "Use `padding='same'`",
        "edits": [
            {"content": "padding", "location": {"row": 2, "column": 19}, "end_location": {"row": 2, "column": 30}}
        ],
    }


def test_sarif_is_valid_and_stable(project, kerascheck):
    jsonschema = pytest.importorskip("jsonschema")
    first = kerascheck("--format=sarif", "pkg/model.py", cwd=project)
    document = json.loads(first.stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = document["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]][:2] == ["KER101", "KER102"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["KER101", "KER201"]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "pkg/model.py"},
        "region": {"startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 30},
    }
    # a line inserted above moves the finding but keeps its fingerprint
    (project / "pkg" / "model.py").write_text("# header\n" + KERAS1)
    moved = json.loads(kerascheck("--format=sarif", "pkg/model.py", cwd=project).stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in moved] == [r["partialFingerprints"] for r in results]
    assert moved[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_github_annotations_are_escaped():
    finding = Finding("KER201", "keras1-keyword", 2, 18, 2, 29, "a: 100%\nb, c", None)
    assert github_line("dir,x/m:1.py", finding) == (
        "::error file=dir%2Cx/m%3A1.py,line=2,endLine=2,col=19,endColumn=30,title=kerascheck (KER201)"
        "::KER201 a: 100%25%0Ab, c"
    )


def test_statistics_and_output_file(project, kerascheck):
    result = kerascheck("--statistics", "--output-file=report.txt", "pkg/model.py", cwd=project)
    assert result.returncode == 1 and result.stdout == ""
    lines = (project / "report.txt").read_text().splitlines()
    assert lines[-3:] == [
        "     1  KER101  standalone-keras-import  (1 fixable)",
        "     1  KER201  keras1-keyword  (1 fixable)",
        "Found 2 findings (2 fixable with --fix).",
    ]


def test_concise_has_no_fix_hint_and_no_summary(project, kerascheck):
    result = kerascheck("--format=concise", "pkg/model.py", cwd=project)
    assert (
        result.stdout.splitlines()[1]
        == "pkg/model.py:2:19: KER201 `border_mode=` is the Keras 1 name of `padding=` in `Conv2D`"
        "; on target tf.keras it raises `TypeError`"
    )
    assert len(result.stdout.splitlines()) == 2


def test_colour_only_when_asked_or_on_a_terminal(project, monkeypatch, kerascheck):
    import io

    from kerascheck.output import use_colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert not use_colour(io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "")
    coloured = kerascheck("pkg/model.py", cwd=project)
    assert "\x1b[1;31mKER201\x1b[0m" in coloured.stdout


def test_findings_left_after_fixing_are_reported_as_a_check_of_the_fixed_file_would(tmp_path, kerascheck):
    """SARIF fingerprints read the text of the finding's line: after --fix, the fixed text's."""
    source = (
        "import keras\nmodel = keras.models.Sequential()\nmodel.fit_generator(g, samples_per_epoch=100, nb_epoch=2)\n"
    )
    (tmp_path / "model.py").write_text(source)
    fixed = json.loads(kerascheck("--no-config", "--fix", "--format=sarif", "model.py", cwd=tmp_path).stdout)
    assert "epochs=2" in (tmp_path / "model.py").read_text()
    fresh = json.loads(kerascheck("--no-config", "--format=sarif", "model.py", cwd=tmp_path).stdout)
    results = fixed["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["KER112", "KER204"]
    assert results == fresh["runs"][0]["results"]


def test_the_fix_title_joins_the_message_in_lower_case_unless_it_starts_with_an_acronym():
    def text(fix_title):
        return Finding("KER111", "removed-keras-name", 1, 0, 1, 3, "`x` does not exist", fix_title).text

    assert text("Use `y`.") == "`x` does not exist; use `y`"
    assert text("TF2 has no global session") == "`x` does not exist; TF2 has no global session"
    assert text("YAML model configs were removed") == "`x` does not exist; YAML model configs were removed"


@pytest.mark.parametrize("option", ["--format=json", "--format=sarif", "--diff"])
def test_a_file_that_cannot_be_checked_is_named_on_stderr_in_document_formats(project, kerascheck, option):
    (project / "pkg" / "broken.py").write_text("import keras\nx = = 1\n")
    result = kerascheck(option, "pkg/broken.py", "pkg/model.py", cwd=project)
    assert result.returncode == 2
    assert "pkg/broken.py: error: cannot parse: line 2" in result.stderr
    if option != "--diff":
        json.loads(result.stdout)  # stdout stays one document


def test_sarif_says_the_run_failed_for_a_file_that_cannot_be_checked(project, kerascheck):
    jsonschema = pytest.importorskip("jsonschema")
    (project / "pkg" / "broken.py").write_text("import keras\nx = = 1\n")
    document = json.loads(kerascheck("--format=sarif", "pkg/broken.py", cwd=project).stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (invocation,) = document["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "pkg/broken.py" in notification["message"]["text"]
    clean = json.loads(kerascheck("--format=sarif", "pkg/model.py", cwd=project).stdout)
    assert clean["runs"][0]["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_a_finding_of_its_own_severity_shows_it_in_every_format(tmp_path, kerascheck):
    """KER112 is a warning where the target still has the method (deprecated) and an error where it has
    none; KER201 a warning where the target still honours the old keyword."""
    (tmp_path / "train.py").write_text(
        "from tensorflow import keras\nmodel = keras.Sequential()\nmodel.fit_generator(batches)\n"
        "model.predict_classes(x)\ncb = keras.callbacks.ReduceLROnPlateau(epsilon=0.5)\n"
    )
    for target, expected in (
        ("tf.keras", [("KER112", "warning"), ("KER112", "error"), ("KER201", "warning")]),
        ("keras3", [("KER112", "error"), ("KER112", "error"), ("KER201", "error")]),
    ):
        options = ("--no-config", "--keras-target", target, "train.py")
        items = json.loads(kerascheck("--format=json", *options, cwd=tmp_path).stdout)
        assert [(i["code"], i["severity"]) for i in items] == expected
        sarif = json.loads(kerascheck("--format=sarif", *options, cwd=tmp_path).stdout)
        assert [(r["ruleId"], r["level"]) for r in sarif["runs"][0]["results"]] == expected  # SARIF's words too
        github = kerascheck("--format=github", *options, cwd=tmp_path).stdout.splitlines()
        assert [line.split(" ", 1)[0] for line in github if line.startswith("::")] == [
            f"::{level}" for _, level in expected
        ]
