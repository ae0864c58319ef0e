"""`workplan parse FILE [--json]`: the parser on the command line, without Django."""

from __future__ import annotations

import argparse
import json
import sys

from . import ParseError, parse_file
from .render import render_outline


def run_parse(argv: list[str]) -> int:
    """Print the parse of the file named in `argv`; an error is one line on stderr, status 2."""
    parser = argparse.ArgumentParser(
        prog="workplan parse",
        description="读取工作要点文档（.docx、.txt、.md、.html），输出要点、任务和责任部门。",
    )
    parser.add_argument("file", help="文档路径")
    parser.add_argument("--json", action="store_true", help="输出 JSON（见 DESIGN.md 的约定）")
    args = parser.parse_args(argv)
    try:
        plan = parse_file(args.file)
    except ParseError as exc:
        print(f"workplan parse: {exc}", file=sys.stderr)
        return 2
    try:
        if args.json:
            json.dump(plan.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(render_outline(plan))
        sys.stdout.flush()
    except BrokenPipeError:  # `workplan parse x | head`: the reader has all it wants
        sys.stdout = None
    return 0
