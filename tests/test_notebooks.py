"""Jupyter notebooks: findings per cell, IPython syntax, fixes that keep the notebook's JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kerascheck.config import Settings
from kerascheck.notebooks import load
from kerascheck.runner import check_and_fix_notebook

DATA = Path(__file__).resolve().parent / "data" / "notebooks"


def test_findings_are_reported_per_cell(tmp_path, kerascheck):
    shutil.copy(DATA / "keras1.ipynb", tmp_path)
    result = kerascheck("--format=concise", "keras1.ipynb", cwd=tmp_path)
    # row and column in the notebook file, which editors open; then the cell and its line
    assert result.stdout.splitlines() == [
        "keras1.ipynb:26:6: KER101 `keras.layers.core` is standalone Keras, not `tensorflow.keras` (target tf.keras): "
        "a legacy module path, which the keras package of TF 2.6–2.15 lacks as tf.keras does (ModuleNotFoundError) "
        "(cell 2, line 3)",
        "keras1.ipynb:46:20: KER201 `output_dim=` is the Keras 1 name of `units=` in `Dense`"
        "; on target tf.keras it raises `TypeError` (cell 4, line 1)",
        "keras1.ipynb:48:21: KER201 `p=` is the Keras 1 name of `rate=` in `Dropout`"
        "; on target tf.keras it raises `TypeError` (cell 4, line 3)",
    ]
    lines = (tmp_path / "keras1.ipynb").read_text(encoding="utf-8").splitlines()
    assert lines[45][19:].startswith("output_dim=")


def test_compact_notebook_json_falls_back_to_cell_positions(tmp_path, kerascheck):
    notebook = json.loads((DATA / "keras1.ipynb").read_text(encoding="utf-8"))
    (tmp_path / "compact.ipynb").write_text(json.dumps(notebook))
    result = kerascheck("--format=concise", "compact.ipynb", cwd=tmp_path)
    assert result.stdout.splitlines()[1] == (
        "compact.ipynb:cell 4:1:15: KER201 `output_dim=` is the Keras 1 name of `units=` in `Dense`"
        "; on target tf.keras it raises `TypeError`"
    )


def test_magics_are_neutralised_and_cell_magics_skipped():
    notebook = load((DATA / "keras1.ipynb").read_text(encoding="utf-8"))
    assert [cell.index for cell in notebook.cells] == [2, 3, 4]  # %%time runs Python; the empty cell is out
    assert notebook.module.splitlines()[:2] == ["pass", "pass"]
    bash = load(json.dumps({"cells": [{"cell_type": "code", "source": "%%bash\nimport keras\n"}]}))
    assert bash.cells == []
    assert "    pass" not in notebook.module and "Dropout?" not in notebook.module


def test_a_shell_or_magic_line_continued_with_a_backslash_takes_its_next_lines():
    """IPython joins the lines of ``!cmd \\`` (and of a line magic) before running it: none of them is Python."""
    cells = [
        "!python train.py \\\n  --epochs 3 \\\n  --lr 0.1\nfrom keras.layers import Dense\n",
        "%time model.fit(x, y,\\\n    epochs=2)\n",  # Python after %time: its own continuation stays Python
        "x = 1 + \\\n    2\n",
    ]
    notebook = load(json.dumps({"cells": [{"cell_type": "code", "source": source} for source in cells]}))
    assert [cell.index for cell in notebook.cells] == [1, 2, 3]  # every cell parses
    lines = notebook.module.splitlines()
    assert lines[:4] == ["pass", "", "", "from keras.layers import Dense"]
    assert "    epochs=2)" in lines and "    2" in lines


def test_fix_changes_only_the_fixed_source_lines(tmp_path, kerascheck):
    path = tmp_path / "keras1.ipynb"
    shutil.copy(DATA / "keras1.ipynb", path)
    before = path.read_text(encoding="utf-8")
    assert kerascheck("--fix", "keras1.ipynb", cwd=tmp_path).returncode == 0
    after = path.read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
    assert changed == [
        (
            '    "from keras.layers.core import Dense, Dropout\\n",',
            '    "from tensorflow.keras.layers import Dense, Dropout\\n",',
        ),
        ('    "layer = Dense(output_dim=3)\\n",', '    "layer = Dense(units=3)\\n",'),
        ('    "drop = Dropout(p=0.5)  # é"', '    "drop = Dropout(rate=0.5)  # é"'),
    ]
    assert len(before.splitlines()) == len(after.splitlines())
    assert json.loads(after)["cells"][1]["outputs"] == json.loads(before)["cells"][1]["outputs"]
    assert kerascheck("--fix", "keras1.ipynb", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8") == after


def test_broken_and_empty_notebooks(tmp_path, kerascheck):
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    (tmp_path / "nocode.ipynb").write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": "# keras"}]}))
    (tmp_path / "old.ipynb").write_text(json.dumps({"worksheets": []}))
    result = kerascheck("broken.ipynb", "nocode.ipynb", "old.ipynb", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.splitlines()[:2] == [
        "broken.ipynb: error: not a notebook: invalid JSON at line 1: Expecting value",
        "old.ipynb: error: not a notebook: no list of cells (only nbformat 4 is supported)",
    ]


def test_notebook_outcome_in_process():
    raw = (DATA / "keras1.ipynb").read_text(encoding="utf-8")
    outcome = check_and_fix_notebook(raw, Settings(), fix=False, unsafe=False)
    assert [(f.cell, f.line, f.code) for f in outcome.findings] == [
        (2, 3, "KER101"),
        (4, 1, "KER201"),
        (4, 3, "KER201"),
    ]
    assert outcome.new_text is None


def test_json_fix_edits_are_in_the_cell_coordinates_of_their_finding(tmp_path, kerascheck):
    shutil.copy(DATA / "keras1.ipynb", tmp_path)
    items = json.loads(kerascheck("--format=json", "keras1.ipynb", cwd=tmp_path).stdout)
    cells = [cell for cell in json.loads((DATA / "keras1.ipynb").read_text(encoding="utf-8"))["cells"]]
    fixed = [item for item in items if item["fix"]]
    assert fixed
    for item in fixed:
        source = "".join(cells[item["cell"] - 1]["source"]).splitlines()
        (edit,) = item["fix"]["edits"]
        assert edit["location"]["row"] == item["location"]["row"]  # the same line of the same cell
        row, start, end = edit["location"]["row"], edit["location"]["column"], edit["end_location"]["column"]
        assert source[row - 1][start - 1 : end - 1] in item["message"]  # the edit covers the old name
