"""KER228: ``get_file(…, untar=True)`` / ``extract=True``, whose returned path means another folder on Keras 3."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from kerascheck.catalog.model import ONLY_KERAS3, Target
from kerascheck.catalog.releases import KERAS3_CHECKED
from kerascheck.context import Context
from kerascheck.findings import Finding
from kerascheck.names import TF_KERAS_PACKAGE
from kerascheck.rules.base import Invalid, Rule, Severity, Valid, module_text
from kerascheck.rules.calls import argument, callee
from kerascheck.rules.values import module_values

GET_FILE = "utils.get_file"
# keras 2.15.0 keras/src/utils/data_utils.py get_file(fname, origin, untar, md5_hash, file_hash, cache_subdir,
# hash_algorithm, extract, …): untar extracts into the cache folder and returns `<folder>/<fname>`; extract
# extracts into the cache folder and returns the archive's path. keras 3.15.1 keras/src/utils/file_utils.py:331-341
# and 419-428: both extract into a folder of their own, `<folder>/<fname>` (an fname without a dot) or
# `<folder>/<fname up to its first dot>_extracted`, and return it (run on both: held-out probe 8).
_POSITIONS = {"untar": 2, "extract": 7}


class GetFileExtraction(Rule):
    """## What it does
    Finds `keras.utils.get_file(…, untar=True)` and `get_file(…, extract=True)` on Keras 3.

    ## Why is this bad?
    tf.keras extracted the archive into the cache folder: `untar=True` returned `<cache>/<fname>` (the
    archive's top folder, in the tutorials), `extract=True` returned the archive's own path, its files beside
    it. Keras 3 (3.15.1) extracts into a folder of its own and returns that: `<cache>/<fname>` holding the
    archive's top folder, or `<cache>/<name>_extracted` for a file name with a dot. The tutorial paths built
    on the returned value (`os.path.join(path, "roses")`, `os.path.dirname(path) + "/cats_and_dogs_filtered"`)
    then name no file: `FileNotFoundError`, or a glob that finds nothing.

    ## Example
    ```python
    data_dir = keras.utils.get_file("flower_photos", origin=url, untar=True)
    roses = os.listdir(os.path.join(data_dir, "roses"))
    ```

    ## Use instead
    ```python
    data_dir = keras.utils.get_file("flower_photos", origin=url, extract=True)
    roses = os.listdir(os.path.join(data_dir, "flower_photos", "roses"))
    ```

    ## Fix safety
    None: the archive's own layout decides the path.
    """

    code = "KER228"
    name = "keras3-get-file-extraction"
    message = (
        "`get_file(…, {keyword}=True)` returns {returned} on target {target} (Keras {version}), the folder it "
        "extracts the archive into; tf.keras {before}, so paths built on it name no file"
    )
    fix_title = "{remedy}"
    severity = Severity.WARNING
    targets = ONLY_KERAS3
    owners = frozenset({GET_FILE})
    valid = (
        Valid("import keras\npath = keras.utils.get_file('data.csv', origin=url)\n", target=Target.KERAS3),
        Valid("import keras\npath = keras.utils.get_file('d', origin=url, untar=False)\n", target=Target.KERAS3),
        Valid("from tensorflow import keras\npath = keras.utils.get_file('d', origin=url, untar=True)\n"),
        Valid("import tf_keras\npath = tf_keras.utils.get_file('d', origin=url, untar=True)\n", target=Target.KERAS3),
        Valid(  # Keras 3's own layout: the archive's top folder inside the returned one
            "import pathlib\nimport keras\npath = keras.utils.get_file(origin=url, fname='imdb', extract=True)\n"
            "imdb_dir = pathlib.Path(path) / 'aclImdb'\n",
            target=Target.KERAS3,
        ),
        Valid(
            "import keras\nkeras.utils.get_file('d.tgz', origin=url, untar=True, cache_dir='.')\n", target=Target.KERAS3
        ),
        Valid(  # Keras 3's folder named beside the archive: written for Keras 3 (autokeras's docs)
            "import os\nimport keras\npath = keras.utils.get_file('aclImdb.tar.gz', origin=url, extract=True)\n"
            "imdb = os.path.join(os.path.dirname(path), 'aclImdb_extracted', 'aclImdb')\n",
            target=Target.KERAS3,
        ),
    )
    invalid = (
        Invalid(
            "import os\nimport keras\n"
            "data_dir = keras.utils.get_file('flower_photos', origin=ORIGIN, untar=True)\n"
            "roses = os.listdir(os.path.join(data_dir, 'roses'))\n",
            at=((3, 11),),
            target=Target.KERAS3,
        ),
        Invalid(
            "import os\nfrom keras.utils import get_file\n"
            "path = get_file('cats_and_dogs.zip', origin=ZIP_ORIGIN, extract=True)\n"
            "train = os.listdir(os.path.join(os.path.dirname(path), 'cats_and_dogs_filtered', 'train'))\n",
            at=((3, 7),),
            target=Target.KERAS3,
        ),
    )

    def check_call(self, ctx: Context, node: ast.Call) -> Iterator[Finding]:
        target = callee(ctx, node)
        if target is None or target.owner != GET_FILE:
            return
        if target.reference is not None and target.reference.implementation == TF_KERAS_PACKAGE:
            return  # tf_keras's get_file is Keras 2's
        for keyword, position in _POSITIONS.items():
            given = argument(node, position, keyword)
            if not (isinstance(given, ast.Constant) and given.value is True) or _discarded(ctx, node):
                continue
            # ``untar`` is tf.keras's spelling (Keras 3 calls it deprecated): code written for tf.keras's layout.
            # ``extract`` is both Kerases': only the parent of its result (where tf.keras put the files) is theirs.
            if keyword == "untar" or (_parent_taken(ctx, node) and not _names_keras3_folder(ctx, node)):
                yield self._report(ctx, node, keyword)
            return

    def _report(self, ctx: Context, node: ast.Call, keyword: str) -> Finding:
        fname = argument(node, 0, "fname")
        name: Optional[str] = fname.value if isinstance(fname, ast.Constant) and isinstance(fname.value, str) else None
        if name is None:
            returned = "a folder named after `fname`"
        elif "." in name:
            returned = f"`<cache>/{name[: name.find('.')]}_extracted`"
        else:
            returned = f"`<cache>/{name}`"
        if keyword == "untar":
            before = (
                "extracted into the cache folder and returned `<cache>/<fname>` (the archive's top folder if alike)"
            )
            remedy = "Join the archive's top folder to the returned path: the files are one folder deeper"
        else:
            before = "extracted beside the archive and returned the archive's own path"
            remedy = "Look for the files inside the returned folder, not beside it (`os.path.dirname(path)`)"
        return self.finding(
            ctx, node, span=ctx.span(node.func), keyword=keyword, returned=returned, version=KERAS3_CHECKED,
            before=before, remedy=remedy,
        )  # fmt: skip


def _discarded(ctx: Context, node: ast.Call) -> bool:
    """Whether the call is a statement of its own (the files are read some other way)."""
    return any(type(each) is ast.Expr and each.value is node for each in ctx.nodes)


def _parent_taken(ctx: Context, node: ast.Call) -> bool:
    """Whether the module takes the folder above the call's result, where tf.keras extracted the archive:
    ``os.path.dirname(get_file(…))``, ``Path(path).parent``, of the call or of a name bound once to it."""
    text = module_text(ctx)
    if "dirname(" not in text and ".parent" not in text:
        return False
    values = module_values(ctx)

    def is_result(expression: ast.expr) -> bool:
        if expression is node:
            return True
        binding = values.binding(expression) if isinstance(expression, ast.Name) else None
        return binding is not None and binding.value is node and binding.unpacked_from is None

    for each in ctx.nodes:
        if type(each) is ast.Call and each.args and _called(each) == "dirname" and is_result(each.args[0]):
            return True
        if type(each) is ast.Attribute and each.attr == "parent":
            inner = each.value
            if (
                type(inner) is ast.Call
                and inner.args
                and _called(inner) in ("Path", "PurePath")
                and is_result(inner.args[0])
            ):
                return True
    return False


def _names_keras3_folder(ctx: Context, node: ast.Call) -> bool:
    """Whether the module names the folder Keras 3 extracts ``fname='<name>.<ext>'`` into, beside the archive
    (``os.path.join(os.path.dirname(path), "aclImdb_extracted", "aclImdb")``): code already written for Keras
    3's layout, where the parent of the result is the cache folder (run on Keras 3.15.1: corpus triage 8)."""
    fname = argument(node, 0, "fname")
    if not (isinstance(fname, ast.Constant) and isinstance(fname.value, str) and "." in fname.value):
        return False
    folder = fname.value[: fname.value.find(".")].rpartition("/")[2] + "_extracted"
    if folder not in module_text(ctx):
        return False
    return any(
        type(each) is ast.Constant and isinstance(each.value, str) and folder in each.value.split("/")
        for each in ctx.nodes
    )


def _called(node: ast.Call) -> Optional[str]:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
