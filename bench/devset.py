"""Score the parser on the hand-annotated development set (../shared/corpus/dev-set, or the folder
given), and time it: the Hubei document, and a generated 2,000-row task table, each against the
time to merely read the same file. Prints one line per document and the totals; exits 1 when the
folder holds no annotated document.

    uv run python bench/devset.py [FOLDER ...] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from workplan.parsing import parse_file
from workplan.parsing.readers import read_document
from workplan.parsing.scoring import score_folder, totals

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "corpus" / "dev-set"
HUBEI = ROOT.parent / "shared" / "corpus" / "hubei-open-university-2021.txt"


def best_of(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def big_table(path: Path, rows: int) -> Path:
    """Write a fictional task table of `rows` rows as a tab-separated text file."""
    lines = ["某市职业学院2024年重点工作任务分解表", "序号\t重点工作\t牵头单位\t配合单位\t完成时限"]
    for number in range(1, rows + 1):
        if number % 50 == 1:
            lines.append(
                f"{'一二三四五六七八九十'[(number // 50) % 10]}、第{number // 50 + 1}类工作"
            )
        lines.append(
            f"{number}\t推进第{number}项重点工作落地见效，形成可检查的成果。"
            f"\t教务处\t学生处、财务处\t2024年{number % 12 + 1}月底前"
        )
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEV_SET])
    parser.add_argument("--verbose", action="store_true", help="print every item")
    args = parser.parse_args()
    scores = [score for folder in args.folders for score in score_folder(folder)]
    if not scores:
        print(f"no annotated document in {', '.join(map(str, args.folders))}", file=sys.stderr)
        return 1
    print(f"{'document':58} {'items':>5} {'P':>5} {'R':>5} {'F1':>5} {'lead':>5}")
    for score in scores:
        figures = totals([score])
        refused = f"  REFUSED: {score.refused}" if score.refused else ""
        print(
            f"{score.name[:58]:58} {len(score.items):5} {figures['precision']:5.2f} "
            f"{figures['recall']:5.2f} {figures['f1']:5.2f} {figures['lead']:5.2f}{refused}"
        )
        if args.verbose:
            for item in score.items:
                mark = (
                    "ok " if set(item.expected) == set(item.parsed) and item.lead_correct else "XX "
                )
                print(f"   {mark}{item.title[:24]:24} want {item.expected} got {item.parsed}")
    figures = totals(scores)
    print(
        f"{'all':58} {figures['items']:5} {figures['precision']:5.2f} {figures['recall']:5.2f} "
        f"{figures['f1']:5.2f} {figures['lead']:5.2f}  refused {figures['refused']}"
    )
    if HUBEI.exists():
        parse = best_of(lambda: parse_file(HUBEI))
        read = best_of(lambda: read_document(HUBEI))
        print(
            f"parse Hubei document: {parse * 1000:.1f} ms (reading the file alone {read * 1000:.1f} ms, ratio {parse / read:.0f}x)"
        )
    with tempfile.TemporaryDirectory() as scratch:
        table = big_table(Path(scratch) / "table.txt", 2000)
        parse = best_of(lambda: parse_file(table), repeat=3)
        read = best_of(lambda: read_document(table), repeat=3)
        plan = parse_file(table)
        print(
            f"parse 2,000-row task table: {parse * 1000:.0f} ms, {plan.task_count()} tasks "
            f"(reading the file alone {read * 1000:.1f} ms, ratio {parse / read:.0f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
