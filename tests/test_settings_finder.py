"""Settings found per checked file: the nearest [tool.kerascheck] and, for auto, the nearest pins that decide."""

from __future__ import annotations

from pathlib import Path

from kerascheck.catalog.model import Target
from kerascheck.pins import auto_target, read_pins
from kerascheck.settings_finder import SettingsFinder

KERAS1 = "from keras.layers.convolutional import Conv2D\nConv2D(8, (3, 3), border_mode='same')\n"


def codes(out: str) -> list:
    return [(line.split(":")[0], line.split()[1]) for line in out.splitlines() if " KER" in line]


def test_config_is_found_from_the_checked_file_not_the_working_folder(tmp_path, kerascheck):
    project = tmp_path / "proj"
    (project / "src").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.kerascheck]\nkeras-target = "keras3"\n')
    (project / "src" / "m.py").write_text(KERAS1)
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    code, out, _ = kerascheck(str(project / "src"), cwd=elsewhere)
    assert [code for _, code in codes(out)] == ["KER102", "KER201"]  # keras3: KER102, not KER101


def test_each_subproject_has_its_own_config_and_per_file_ignores(tmp_path, kerascheck):
    for name in ("a", "b"):
        (tmp_path / name / "tests").mkdir(parents=True)
        (tmp_path / name / "m.py").write_text(KERAS1)
        (tmp_path / name / "tests" / "t.py").write_text(KERAS1)
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nselect = ["KER2"]\n')
    (tmp_path / "b" / "pyproject.toml").write_text(
        '[tool.kerascheck]\nselect = ["KER1", "KER2"]\n[tool.kerascheck.per-file-ignores]\n"tests/*" = ["KER2"]\n'
    )
    code, out, _ = kerascheck(".", cwd=tmp_path)
    assert codes(out) == [
        ("a/m.py", "KER201"),
        ("a/tests/t.py", "KER201"),
        ("b/m.py", "KER101"),
        ("b/m.py", "KER201"),
        ("b/tests/t.py", "KER101"),
    ]


def test_monorepo_subfolder_pins_decide_for_the_subfolder(tmp_path, kerascheck):
    (tmp_path / "requirements.txt").write_text("tensorflow==2.15.1\n")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "m.py").write_text("import keras.layers.core\n")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "requirements.txt").write_text("numpy\nkeras>=3\n")
    (tmp_path / "new" / "m.py").write_text("import keras.layers.core\n")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "requirements.txt").write_text("numpy\n")  # decides nothing: the root's pins do
    (tmp_path / "other" / "m.py").write_text("import keras.layers.core\n")
    code, out, err = kerascheck("--keras-target=auto", "--select=KER101", ".", cwd=tmp_path)
    assert codes(out) == [("old/m.py", "KER101"), ("other/m.py", "KER101")]
    assert "keras target keras3, from keras>=3 (requirements.txt:2)" in err
    assert "keras target tf.keras, from tensorflow==2.15.1 (requirements.txt:1)" in err


def test_finder_caches_per_folder_and_gives_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck.per-file-ignores]\n"gen_*.py" = ["KER1"]\n')
    finder = SettingsFinder({})
    assert finder.for_file(tmp_path / "gen_x.py").file_ignore == ("KER1",)
    assert finder.for_file(tmp_path / "x.py").file_ignore == ()
    assert finder.for_folder(tmp_path) is finder.for_folder(tmp_path)


def test_auto_follows_requirement_includes(tmp_path):
    (tmp_path / "requirements.txt").write_text("-r base.txt\nnumpy\n")
    (tmp_path / "base.txt").write_text("# base\n--requirement=deep/ml.txt\n")
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "ml.txt").write_text("scipy\ntensorflow>=2.16\n-r ../requirements.txt\n")  # a loop ends
    decision = auto_target(tmp_path)
    assert (decision.target, decision.reason) == (Target.KERAS3, "tensorflow>=2.16 (ml.txt:2)")


def test_poetry_pin_without_spaces_cites_its_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython="^3.10"\ntensorflow="^2.16"\n'
    )
    (pin,) = [pin for pin in read_pins(tmp_path).pins if pin.name == "tensorflow"]
    assert pin.line == 6
    assert auto_target(tmp_path).reason == "tensorflow<3,>=2.16 (pyproject.toml:6)"


def test_tf_keras_pin_means_tf_keras_even_with_tensorflow_2_16(tmp_path):
    (tmp_path / "requirements.txt").write_text("tensorflow==2.16.1\ntf-keras==2.16.0\n")
    decision = auto_target(tmp_path)
    assert (decision.target, decision.reason) == (Target.TF_KERAS, "tf-keras==2.16.0 (requirements.txt:2)")
    (tmp_path / "requirements.txt").write_text("tf-keras==2.16.0\nkeras>=3\n")
    assert auto_target(tmp_path).target is Target.KERAS3  # a keras pin says what `import keras` is


def test_stdin_takes_the_settings_of_its_filename(tmp_path, kerascheck):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.kerascheck]\nkeras-target = "keras3"\n')
    result = kerascheck("--stdin-filename=sub/m.py", "-", cwd=tmp_path, stdin=KERAS1)
    assert [line.split()[1] for line in result.stdout.splitlines()[:-1]] == ["KER102", "KER201"]


def test_bad_value_in_a_subfolder_config_names_the_file(tmp_path, kerascheck):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "m.py").write_text(KERAS1)
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.kerascheck]\nextend-select = ["KER3O7"]\n')
    code, out, err = kerascheck(".", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert str(Path("sub") / "pyproject.toml") in err and "'KER3O7' selects no kerascheck code" in err
