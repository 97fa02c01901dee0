"""How ``kerascheck --fix`` scales with the size of a file (issue 12: it must be linear).

Writes Keras 1 modules of growing size (each block has renamed keywords, a Keras 1 class name and a
Keras 1 positional form to fix) to a temporary folder and times ``runner.check_and_fix`` on each, in
this process. Linear time shows as a constant time per 1,000 lines. CPU seconds (this process's) are shown beside
the wall clock: on a shared machine they are the steadier figure.

``--refused K`` adds to one block in K a keyword rename the fix guard must refuse
(``Dense(output_dim=10, units=5)``: ``units=`` twice), with KER201's own precaution taken away so that
only the guard stops it: the time of rounds where many fixes are refused among many kept.

    python bench/fix_scaling.py              # 2,500 to 20,000 lines
    python bench/fix_scaling.py --lines 50000
    python bench/fix_scaling.py --refused 10 --lines 1000 --lines 2000
"""

from __future__ import annotations

import argparse
import time

from kerascheck.config import Settings
from kerascheck.rules import arguments
from kerascheck.runner import check_and_fix

HEADER = "from keras.models import Sequential\nfrom keras.layers import Convolution2D, Dense, Dropout\n"
BLOCK = (
    "model{i} = Sequential()\n"
    "model{i}.add(Convolution2D(32, 3, 3, border_mode='same', input_shape=(3, 32, 32)))\n"
    "model{i}.add(Dense(output_dim=10, init='uniform'))\n"
    "model{i}.add(Dropout(p=0.5))\n"
    "model{i}.fit(x, y, nb_epoch=3)\n"
)
REFUSED = "model{i}.add(Dense(output_dim=10, units=5))\n"  # the guard refuses `units=` twice


def module(lines: int, refused: int = 0) -> str:
    block_lines = BLOCK.count("\n")
    blocks = max(1, (lines - 2) // block_lines)
    parts = []
    for i in range(blocks):
        block = BLOCK.format(i=i)
        if refused and i % refused == 0:  # the block keeps its size: the refused call replaces the Dropout
            block = block.replace(f"model{i}.add(Dropout(p=0.5))\n", REFUSED.format(i=i))
        parts.append(block)
    return HEADER + "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, action="append", help="module sizes (lines); repeatable")
    parser.add_argument(
        "--refused", type=int, default=0, metavar="K", help="one block in K has a fix the guard refuses"
    )
    args = parser.parse_args()
    sizes = args.lines or [2500, 5000, 10000, 20000]
    settings = Settings.from_values({"extend_select": "KER110"})  # KER110 (off by default) renames too
    if args.refused:
        arguments._binds_twice = lambda *args: None  # KER201's own precaution: only the guard is left
    print(f"{'lines':>8} {'fixed':>8} {'refused':>8} {'seconds':>8} {'cpu s':>8} {'cpu s/1k lines':>14}")
    for size in sizes:
        text = module(size, args.refused)
        start, cpu_start = time.perf_counter(), time.process_time()
        outcome = check_and_fix(text, settings, fix=True, unsafe=False)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        lines = text.count("\n")
        refused = sum("(not fixed: the fixed call would not bind" in f.message for f in outcome.findings)
        print(
            f"{lines:>8} {len(outcome.fixed):>8} {refused:>8} {elapsed:>8.2f} {cpu:>8.2f} {cpu / lines * 1000:>14.3f}"
        )


if __name__ == "__main__":
    main()
