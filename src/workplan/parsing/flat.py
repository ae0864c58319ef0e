"""Find task tables that a web page or PDF copy flattened to text, and give them back their rows.

Three shapes are common: cells separated by `|` (one cell per line, each line ending or starting
with ` |`, a lone `|` ending a row), cells separated by tabs (one row per line), and one cell per
line under a header row of known column names. Each table found is replaced in the text by a
table mark, so the outline reads it as it reads a Word table.
"""

from __future__ import annotations

import re

from .readers import TABLE_MARK
from .responsibility import UNIT_ENDINGS, is_unit, listed_names, names_units
from .review import looks_like_person
from .tables import (
    RESPONSIBLE_KINDS,
    cell_content,
    column_kind,
    is_column_label,
    is_deadline_cell,
    is_header_row,
)

_SERIAL = re.compile(r"^[ \t\u3000]*\d{1,4}[ \t\u3000]*$")


def unflatten_tables(text: str, tables: list[list[list[str]]]) -> str:
    """Return `text` with each flattened table replaced by a mark; the rows go into `tables`."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        found = (
            _grid_table(lines, index)
            or _pipe_table(lines, index)
            or _tab_table(lines, index)
            or _line_per_cell_table(lines, index)
            or _spaced_table(lines, index)
            or _typed_cell_table(lines, index)
            or _glued_table(lines, index)
        )
        if found is None:
            out.append(lines[index])
            index += 1
            continue
        rows, end = found
        out.append(TABLE_MARK.format(index=len(tables)))
        tables.append(rows)
        index = end
    return "\n".join(out)


def _pipe_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Read a table whose cells a copy separated with `|`, beginning at its header line.

    Markdown tables (`| a | b |`, one row a line) and copies that put one cell on a line, with
    the pipe at the start (`a` / `| b` / `| c` / `|`) or at the end (`a |` / `b |` / `|`) of
    each cell's line and a lone pipe ending the row."""
    if _MARKDOWN_ROW.match(lines[start]):
        return _markdown_table(lines, start)
    first = lines[start]
    if not first.strip() or first.strip() == "|":
        return None
    leading = start + 1 < len(lines) and lines[start + 1].lstrip(" \t\u3000").startswith("|")
    if not leading and not first.rstrip().endswith("|"):
        return None
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    end = start
    while end < len(lines):
        line = lines[end].strip(" \t\u3000")
        if not line:
            break
        following = lines[end + 1].lstrip(" \t\u3000") if end + 1 < len(lines) else ""
        # An empty cell: a lone pipe before a cell opening with one, or, in a copy that ends
        # each cell in " |", the space of an empty cell before its pipe.
        empty = line == "|" and (
            (following.startswith("|") and following.strip() != "|")
            or (lines[end][:1] in " \t\u3000" and not cell)
        )
        if empty:
            row.append("\n".join(cell))  # the row goes on
            cell = []
        elif line in ("|", "||"):  # the row's end (|| after an empty last cell)
            row.append("\n".join(cell))
            rows.append(row)
            row, cell = [], []
        else:
            if line.startswith("|"):
                row.append("\n".join(cell))
                cell = []
                line = line[1:].strip(" \t\u3000")
            closes = line.endswith("|")
            if closes:
                line = line[:-1].strip(" \t\u3000")
            if line:
                cell.append(line)
            if closes:
                row.append("\n".join(cell))
                cell = []
        end += 1
    if cell or row:
        row.append("\n".join(cell))
        rows.append(row)
    stream = [cell for r in rows for cell in r]
    rows = [_trim(r) for r in rows]
    rows = [r for r in rows if r]
    if rows and is_header_row(rows[0]):
        # No row end after the header: the first row's cells follow on, from its number.
        first = next((i for i, c in enumerate(rows[0]) if i >= 2 and _SERIAL.match(c)), None)
        fits = first is not None and len(rows[0]) - first <= first  # one row, not several
        if fits and column_kind(rows[0][0]) == "serial":
            rows[:1] = [rows[0][:first], rows[0][first:]]
        elif first is not None:
            # Every cell ends in ` |` and no row is marked: the rows are found by their numbers.
            return _line_per_cell_table(lines, start)
    # Every cell ended by a lone pipe, rows unmarked (a pipe after an empty cell may look like
    # a row's end): one stream of cells.
    if len(rows) > 2 and 5 * sum(len(r) == 1 for r in rows) >= 4 * len(rows):
        return _cell_stream_table(stream, end)
    if len(rows) < 2 or not is_header_row(rows[0]):
        return None
    return rows, end


_HEADER_WORDS = re.compile(r"[\u4e00-\u9fff（）()/、]{2,12}")


def _rows_of_cells(header: list[str], cells: list[str]) -> list[list[str]] | None:
    """Return the rows of a stream of whole cells (a cell of several lines is one cell) that
    fill the header's columns row by row, each row opening with its number 1, 2, 3…; or None
    when the stream does not."""
    width = len(header)
    if width < 3 or column_kind(header[0]) != "serial" or not cells:
        return None
    rows = [header]
    for at in range(0, len(cells), width):
        row = cells[at : at + width]
        if not _SERIAL.match(row[0]) or int(row[0]) != len(rows):
            return None
        rows.append(row)
    return rows


def _cell_stream_table(cells: list[str], end: int) -> tuple[list[list[str]], int] | None:
    """Read a table whose copy ended every cell alike (`a` / `|` / `b` / `|`), rows unmarked:
    the header is the leading column names; the rows are found by their numbers, which may
    stand in a column the header does not name (工作任务 | 1 | 具体要求 …)."""
    count = 0
    while count < min(len(cells), 12) and len(cells[count]) <= 12 and column_kind(cells[count]):
        count += 1
    # 序号 | 活动内容 | 参加对象 | 活动地点 | 负责单位: columns of its own up to the first row's 1.
    one = next((i for i in range(min(len(cells), 16)) if cells[i].strip() == "1"), None)
    if (
        one is not None
        and one > count
        and column_kind(cells[0]) == "serial"
        and all(_HEADER_WORDS.fullmatch(c) for c in cells[:one])
    ):
        count = one
    header = cells[:count]
    if not is_header_row(header):
        return None
    first = next((i for i in range(count, len(cells)) if _SERIAL.match(cells[i])), None)
    if first is None:
        return None
    exact = _rows_of_cells(header, cells[count:])
    if exact is not None:
        return exact, end
    if not any(column_kind(cell) == "serial" for cell in header):
        header.insert(min(first - count, len(header)), "序号")
    found = _line_per_cell_table([*header, *cells[count:]], 0)
    return None if found is None else (found[0], end)


# A row of cells on one line: `| a | b |`, or `a | b |` as some copies leave it.
_MARKDOWN_ROW = re.compile(r"^[ \t]*\|?[^|\n]+\|[^|\n]+\|.*$")
_MARKDOWN_CONTINUES = re.compile(r"^[ \t]*\|?.*\|[ \t]*\S*.*$")
_MARKDOWN_RULE = re.compile(r"^[ \t]*\|?[ \t:|-]+\|?[ \t]*$")


_BORDER = re.compile(r"^[ \t\u3000]*[─━┄┈┼╋├┤┌┐└┘┬┴╪╫═║+\-=| \t]{3,}$")
_GRID_BAR = re.compile(r"[│┃║|]")


def _grid_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Read a table drawn with box characters (│ ├─┼─┤) or ASCII (| +---+): the cells of a
    row may wrap over several lines, and are joined column by column."""
    if not (_BORDER.match(lines[start]) and re.search(r"[─━┼├┌+]", lines[start])):
        return None
    rows: list[list[str]] = []
    block: list[list[str]] = []
    widths: dict[str, int] = {}
    end = start + 1

    def close_block() -> None:
        if block:
            width = max(len(cells) for cells in block)
            rows.append(["".join(c[i] for c in block if i < len(c)).strip() for i in range(width)])
            block.clear()

    while end < len(lines):
        line = lines[end]
        if _BORDER.match(line) and not re.search(r"[^\s│┃║|─━┄┈┼╋├┤┌┐└┘┬┴╪╫═+\-=]", line):
            close_block()
        elif _GRID_BAR.search(line):
            bars = len(_GRID_BAR.findall(line))
            if bars != widths.setdefault("bars", bars) or re.search(r"[─━┼├┤]", line):
                return None  # cells merged across the grid: no reliable columns
            cells = [c.strip() for c in _GRID_BAR.split(line.strip())]
            if cells and not cells[0]:
                cells = cells[1:]
            if cells and not cells[-1]:
                cells = cells[:-1]
            block.append(cells)
        else:
            break
        end += 1
    close_block()
    rows = [row for row in rows if any(row)]
    if len(rows) < 2 or not is_header_row(rows[0]):
        return None
    return rows, end


def _markdown_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    rows = []
    end = start
    # A header without a border pipe at its start (or end) makes a row's pipe there the edge of
    # an empty first (or last) cell: ` | 区域发展研究中心 | …` continues the key point above.
    header = lines[start].strip()
    bordered = (header.startswith("|"), header.endswith("|"))
    while end < len(lines) and _MARKDOWN_CONTINUES.match(lines[end]):
        if not _MARKDOWN_RULE.match(lines[end]):
            row = lines[end].strip()
            row = row.removeprefix("|") if bordered[0] else row
            row = row.removesuffix("|") if bordered[1] else row
            rows.append([c.strip().replace("<br>", "\n") for c in row.split("|")])
        end += 1
    rows = [row for row in rows if any(row)]
    if len(rows) >= 3 and not is_header_row(rows[0]):
        header = _inferred_header(rows)
        if header is None:
            return _unnumbered_rows(rows, end)
        return [header, *rows], end
    if len(rows) < 2 or not is_header_row(rows[0]):
        return None
    return rows, end


def _inferred_header(rows: list[list[str]]) -> list[str] | None:
    """Return the header a copy lost (the page began below it), read off the rows: numbers in
    the first column, the first column of sentences is the task, the first column whose cells
    are all units says who is responsible. None unless all three are there."""
    width = max(len(row) for row in rows)
    columns = [
        [row[i].strip() for row in rows if i < len(row) and row[i].strip()] for i in range(width)
    ]
    if not columns[0] or not all(_SERIAL.match(cell) for cell in columns[0]):
        return None
    task = next(
        (i for i in range(1, width) if columns[i] and all(len(c) >= 6 for c in columns[i])), None
    )
    units = next(
        (
            i
            for i in range(1, width)
            if i != task
            and len(columns[i]) >= len(rows) * 0.8
            and all(len(c) <= 30 and names_units(c) for c in columns[i])
        ),
        None,
    )
    if task is None or units is None or units < task:
        return None
    header = [""] * width
    header[0], header[task], header[units] = "序号", "工作任务", "责任单位"
    return header


_ITEM_OPENING = re.compile(
    r"^(?:[（(]\d{1,3}(?:[.．]\d{1,3})*[)）]|\d{1,3}(?:[.．]\d{1,3})*[、.．])"
)


def _unnumbered_rows(rows: list[list[str]], end: int) -> tuple[list[list[str]], int] | None:
    """Read rows whose header a copy garbled or split, and whose items have no number column of
    their own ((1.1)办学规模… | 党办校办 | 每年10月): the task is the first column of sentences,
    the units the first later column of nothing but units; a row without a units cell shares the
    one above (merged over it); a row of one short text heads the rows below."""
    rows = [_trim(row) for row in rows]
    width = max(len(row) for row in rows)
    if width < 2:
        return None
    long = [sum(len(row[0]) >= 6 for row in rows if row and row[0]), len(rows)]
    if 2 * long[0] < long[1]:
        return None
    units = next(
        (
            i
            for i in range(1, width)
            if (cells := [row[i] for row in rows if i < len(row) and row[i] and len(row[0]) >= 6])
            and len(cells) * 3 >= long[0]
            and all(len(c) <= 40 and names_units(c) for c in cells)
        ),
        None,
    )
    if units is None:
        return None
    header = ["工作任务", *[""] * (units - 1), "责任单位"]
    body: list[list[str]] = []
    above = ""  # the units cell of the last row that had one
    for row in rows:
        if len(row[0] if row else "") >= 6 and len(row) > units and names_units(row[units]):
            body.append(row[: units + 1])
            above = row[units]
        elif len(row) == 1 and above and (_ITEM_OPENING.match(row[0]) or len(row[0]) > 20):
            body.append([row[0], *[""] * (units - 1), above])
        elif row and len(row) <= 2 and len(row[-1]) <= 20 and not names_units(row[-1]):
            body.append([row[-1]])  # 1 | 基本信息 (6项): a category over the rows below
    if sum(len(row) > 1 for row in body) < 3:
        return None
    return [header, *body], end


def _trim(row: list[str]) -> list[str]:
    row = [c.strip() for c in row]
    while row and not row[-1]:
        row.pop()
    # A leading-pipe row's first cell is empty when the row itself began with a pipe.
    return row


def _cell(text: str) -> str:
    return "\n".join(line.strip(" \t\u3000") for line in text.strip().split("\n"))


def _tab_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    header = [c.strip() for c in lines[start].split("\t")]
    if len(header) < 2 or not is_header_row(header):
        return None
    rows = [header]
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if "\t" in line:
            rows.append([c.strip() for c in line.split("\t")])
        elif line.strip() and _is_section_line(line):
            rows.append([line.strip()])
        elif line.strip():
            break
        end += 1
    return (rows, end) if len(rows) > 1 else None


def _is_section_line(line: str) -> bool:
    return bool(
        re.match(
            r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])",
            line,
        )
    )


def _line_per_cell_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Read a table copied one cell per line (or per paragraph, or each cell ending in ` |`):
    a header of column names one per line, among them 序号, then rows found by their serial
    numbers. Cells left of 序号 (a category merged over its rows) are carried down; section
    lines (一、…) between rows are kept as rows of their own. A row with more lines than
    columns had cells of several lines: see `_fit_cells`."""
    header, end = _cell_header(lines, start)
    if header is None:
        return None
    serial_column = next(i for i, cell in enumerate(header) if _SERIAL_HEADER.fullmatch(cell))
    after = header[serial_column + 1 :]
    rows = [header]
    before: list[str] = []  # the cells left of 序号 of the row being read
    current: list[str] | None = None  # the lines after its serial number
    waiting: list[str] = []  # lines before the first row's number (or after a section row)
    serial = 0
    # A copy that ends every cell in ` |` ends the table at the first full row's line without one.
    piped = all(line.rstrip(" \t\u3000").endswith("|") for line in lines[start:end] if line.strip())

    def close_row(following: int) -> list[str]:
        """Add the row being read; return the lines that are the next row's cells before 序号."""
        lines_after = current or []
        extra = max(0, min(following, len(lines_after) - len(after)))
        # A unit's name at the row's end is its own last cell (a cell of several units), not
        # the category of the row after it.
        while extra and cell_content(lines_after[len(lines_after) - extra]) == "units":
            extra -= 1
        ahead = lines_after[len(lines_after) - extra :] if extra else []
        for cells in _fit_cells(lines_after[: len(lines_after) - extra], after):
            rows.append([*before, str(serial), *cells])
        return ahead

    while end < len(lines):
        line = _bare(lines[end])
        if not line:
            if (
                lines[end].strip(" \t\u3000") == "|"
                and current is not None
                and len(current) < len(after)
            ):
                current.append("")  # an empty cell of a copy that ends every cell in ` |`
            end += 1
            continue
        # The next row's number: the one after this row's, or a later one once this row has
        # a line for each column (a target of 42 inside a row is no row number).
        if _SERIAL.match(line) and (
            int(line) == serial + 1
            or (serial < int(line) <= serial + 200 and len(current or []) >= len(after) - 1)
            or current is None
        ):
            if current is not None:
                ahead, carried = close_row(serial_column), before
            else:
                ahead, carried = (waiting[-serial_column:] if serial_column else []), []
            waiting = []
            before = carried[: serial_column - len(ahead)] + ahead
            before += [""] * (serial_column - len(before))
            serial, current = int(line), []
        elif _is_section_line(line):
            if current is not None:
                close_row(0)
            rows.append([line])
            current = None
        elif _SERIAL_HEADER.fullmatch(line) or _TABLE_TITLE.search(line):
            break  # the next table's header or title: this table ends here
        elif current is not None:
            if piped and len(current) >= len(after) and not lines[end].rstrip().endswith("|"):
                break  # the text after the table
            current.append(line)
        else:
            waiting.append(line)
        end += 1
    if current is not None:
        close_row(0)
    return (rows, end) if serial else None


def _fit_cells(lines: list[str], columns: list[str]) -> list[list[str]]:
    """Return the cells of one row from its lines, or of several rows when one serial number
    spans sub-rows. With no more lines than columns each line is a cell. With more, the
    columns before the departments take a line each, a last deadline column takes the lines
    from the last that reads as a deadline, and the department columns share the lines between
    (one unit per line is a list). After a deadline line, a sentence starts a sub-row of the
    same number whose empty department cells are the first sub-row's (a merged cell)."""
    kinds = [column_kind(c) for c in columns]
    responsible = [i for i, kind in enumerate(kinds) if kind in RESPONSIBLE_KINDS]
    if len(lines) < len(columns) and "task" in kinds:
        # A short row lost its empty and merged cells: each line goes where it fits, and the
        # cells after its last are left out, so that merged ones are the row above's.
        cells = _aligned_lines(lines, kinds)
        while cells and not cells[-1]:
            cells.pop()
        return [cells]
    if len(lines) <= len(columns):
        return [_aligned_lines(lines, kinds) if _misfits(lines, kinds) else lines]
    if responsible and responsible[-1] == len(columns) - 1:
        sub_rows = _sub_rows_ending_in_units(lines)
        if len(sub_rows) > 1:
            return _merged_over_sub_rows(sub_rows, kinds)
    if not responsible or kinds[-1] != "deadline" or responsible[-1] != len(columns) - 2:
        if responsible:
            return [_aligned_lines(lines, kinds)]  # a cell of several lines, perhaps mid-row
        return [[*lines[: len(columns) - 1], "\n".join(lines[len(columns) - 1 :])]]
    leading = responsible[0]
    groups: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        groups[-1].append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if is_deadline_cell(line) and len(groups[-1]) > leading and following.endswith("。"):
            groups.append([])
    rows: list[list[str]] = []
    for group in (g for g in groups if g):
        deadline_at = max(
            (i for i, line in enumerate(group) if i >= leading and is_deadline_cell(line)),
            default=len(group),
        )
        middle = group[leading:deadline_at]
        if rows and not middle:
            shared = rows[0][leading : leading + len(responsible)]
            rows.append([*group[:leading], *shared, "\n".join(group[deadline_at:])])
        else:
            # A wrapped task or unit cell: each line goes where it fits.
            rows.append(_aligned_lines(_joined_cut_names(group), kinds))
    return rows


def _joined_cut_names(lines: list[str]) -> list[str]:
    """Return `lines` with a unit's name cut by the cell's width joined again: 信息化建设与管理 /
    中心 is 信息化建设与管理中心."""
    joined: list[str] = []
    for line in lines:
        if (
            joined
            and len(line) <= 3
            and line.endswith(UNIT_ENDINGS)
            and cell_content(joined[-1]) == "text"
            and cell_content(joined[-1] + line) == "units"
        ):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _sub_rows_ending_in_units(lines: list[str]) -> list[list[str]]:
    """Return the lines of one number's row cut after each run of unit lines: in a table whose
    last column names the units, each sub-row ends with them (a unit a line is one cell)."""
    groups: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        groups[-1].append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        ends = cell_content(line) == "units" and cell_content(following) != "units"
        if ends and len(groups[-1]) >= 3 and index + 1 < len(lines):
            groups.append([])
    return [group for group in groups if group]


def _merged_over_sub_rows(groups: list[list[str]], kinds: list[str | None]) -> list[list[str]]:
    """Return the rows of sub-rows sharing one number: a sub-row's leading cells left empty
    were merged over it from the first (科普活动 over each of its activities)."""
    rows = [_aligned_lines(_joined_cut_names(groups[0]), kinds)]
    # The columns before the task (its category) are the ones merged.
    task = max((i for i, kind in enumerate(kinds) if kind in ("task", "point")), default=0)
    for group in groups[1:]:
        lines = _joined_cut_names(group)
        merged = task if len(lines) < len(kinds) else 0
        rows.append([*rows[0][:merged], *_aligned_lines(lines, kinds[merged:])])
    return rows


def _misfits(cells: list[str], kinds: list[str | None]) -> bool:
    """Return whether cells read left to right put other words under a unit column, or units
    under the task."""
    for cell, kind in zip(cells, kinds, strict=False):
        content = cell_content(cell.split("\n")[0]) if cell else "empty"
        if kind in RESPONSIBLE_KINDS and content not in ("units", "empty", "person"):
            return True
        if kind == "task" and content == "units":
            return True
        if kind not in (*RESPONSIBLE_KINDS, "task", "point") and content == "units":
            return True  # 县农业农村局 under 年度目标: the cells stand a column too far left
    return False


_LONGEST_CELL = 8  # lines one cell may take


def _aligned_lines(lines: list[str], kinds: list[str | None]) -> list[str]:
    """Return one row's cells from its lines, each column taking the lines that fit it best:
    several unit lines under a unit column (one unit a line), a wrapped task's lines under the
    task, an empty cell where a merged or blank one was dropped. Lines go to columns in order."""
    contents = [cell_content(line) for line in lines]
    columns, count = len(kinds), len(lines)
    worst = float("-inf")
    best = [[worst] * (count + 1) for _ in range(columns + 1)]
    start_of = [[0] * (count + 1) for _ in range(columns + 1)]
    best[0][0] = 0.0
    for column in range(columns):
        # From the latest start first: on a tie, an earlier column keeps the longer cell.
        for first in range(count, -1, -1):
            if best[column][first] == worst:
                continue
            for last in range(first, min(count, first + _LONGEST_CELL) + 1):
                score = best[column][first] + _lines_fit(
                    kinds[column], lines[first:last], contents[first:last]
                )
                if score > best[column + 1][last]:
                    best[column + 1][last] = score
                    start_of[column + 1][last] = first
    cells, end = [], count
    for column in range(columns, 0, -1):
        first = start_of[column][end]
        if kinds[column - 1] in ("task", "point"):
            cells.append(_unwrapped(lines[first:end]))
        else:
            cells.append("\n".join(lines[first:end]))
        end = first
    return cells[::-1]


def _unwrapped(lines: list[str]) -> str:
    """Return a task cell's lines as its text: a line cut by the cell's width runs on into the
    next, a numbered line starts a line of its own."""
    text = ""
    for line in lines:
        text += ("\n" if text and _NUMBERED_CELL.match(line) else "") + line
    return text


def _lines_fit(kind: str | None, lines: list[str], contents: list[str]) -> float:
    """Return how well these lines (of these contents) fill one cell of a column of `kind`."""
    if not contents:
        # An empty cell: possible (merged, or left blank), but a line for every cell reads
        # better, and a row has its task.
        return -2.0 if kind == "task" else -1.0
    if kind == "lead":
        # Usually one unit leads: more unit lines go to the columns after it first.
        return sum(
            (2.0 if i == 0 else 1.5) if c == "units" else -3.0 for i, c in enumerate(contents)
        )
    if kind in ("plain", "co"):
        return sum(2.0 if c == "units" else -3.0 for c in contents)
    if kind == "leader":
        return sum(2.0 if c == "person" else -3.0 for c in contents)
    if kind == "deadline":
        if len(contents) > 1:
            return -2.0
        return 2.0 if contents[0] == "date" else 0.0
    if kind in ("task", "point"):
        first = -2.0 if contents[0] == "units" else 1.5 if contents[0] == "text" else 0.0
        if first > 0 and len(lines[0].strip()) < 5:
            first = 0.5  # 万元/人, 万亩: a measure, shorter than a task's words
        return first - sum(2.5 if c == "units" else 0.5 for c in contents[1:])
    if kind == "place":
        return 1.5 - 1.5 * (len(contents) - 1)  # a place's name may read like a unit's
    # Another column (a measure, a target, a note): one line, not a unit's name.
    return (1.0 if contents[0] != "units" else -1.0) - 1.5 * (len(contents) - 1)


def _share(lines: list[str], count: int) -> list[str]:
    """Return `lines` as `count` cells: a line each, the last cell taking what is left."""
    cells = [*lines[: count - 1], "\n".join(lines[count - 1 :])]
    return cells + [""] * (count - len(cells))


_SERIAL_HEADER = re.compile(r"序\s*号")
_TABLE_TITLE = re.compile(r"(?:19|20)\d{2}年.*(?:表|方案|清单)$")


def _cell_header(lines: list[str], start: int) -> tuple[list[str] | None, int]:
    """Return the column names written one per line from `start`, if they make a task table's
    header with a 序号 column, and where the rows begin."""
    header: list[str] = []
    end = start
    while end < len(lines) and len(header) < 12:
        line = _bare(lines[end])
        if not line:
            if not header:
                return None, start
            end += 1
            continue
        known = is_header_row([line], strict=True)
        if _SERIAL.match(line) or _is_section_line(line):
            break
        if (
            header
            and is_column_label(header[-1] + line)
            and not (known and is_column_label(header[-1]))
        ):
            header[-1] += line  # 牵头 / 单位: a column name wrapped in its cell
            end += 1
            continue
        if header and re.fullmatch(r"[（(][\u4e00-\u9fff]{1,6}[)）]", line):
            header[-1] += line  # 责任股室 / (单位): the rest of a name, in brackets
            end += 1
            continue
        if not known and (len(line) > 4 or re.search(r"[\d，,。；;：:、]", line)):
            break
        header.append(line)
        end += 1
    if (
        len(header) < 3
        or not any(_SERIAL_HEADER.fullmatch(cell) for cell in header)
        or not is_header_row(header)
    ):
        return None, start
    return header, end


def _bare(line: str) -> str:
    """Return a line without the pipe a copy left at its start or end."""
    return line.strip(" \t\u3000").removesuffix("|").removeprefix("|").strip(" \t\u3000")


_SPACED_ROW = re.compile(r"^[ \t\u3000]*(\d{1,4})[ \t\u3000]+(\S.*)$")
# A table row's task ends at its full stop; the cells after it are separated by spaces.
_SPACED_TASK = re.compile(r"^(.+?。)[ \t\u3000]+(.*)$")
SPACED_HEADER = ["序号", "重点工作", "责任领导", "牵头单位", "配合单位", "完成时限"]


def _spaced_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Read a table copied with spaces between its cells, one row a line (a cell of several
    lines continues on the next): a header with 序号 among column names, then rows that open
    with their number and their task's sentence. The cells after the task are read by what they
    hold — people (the leaders), then units, the first of which leads — up to the first cell of
    other words (a progress note); their columns cannot be told apart by position."""
    words = _joined_letters(lines[start].split())
    if len(words) < 3 or words[0] != "序号" or not is_header_row(words):
        return None
    rows = [SPACED_HEADER]
    end = start + 1
    current: list[str] | None = None
    sections = 0
    while end < len(lines):
        line = lines[end].strip(" \t\u3000")
        row = _SPACED_ROW.match(line)
        cells = row and (_SPACED_TASK.match(row.group(2)) or _TrailingUnits.match(row.group(2)))
        if row and cells:
            current = [row.group(1), cells.group(1), cells.group(2)]
            rows.append(current)
        elif line and _is_section_line(line):
            rows.append([line])  # 一、学科建设 between the rows: a section row
            current, sections = None, sections + 1
        elif line and current is not None:
            current[2] += " " + line  # a cell of several lines: one unit a line
        elif line or current is None:
            break
        end += 1
    while rows and len(rows[-1]) == 1:
        rows.pop()  # a section line after the last row is the text's, not the table's
        end -= 1
    if len(rows) - sections < 2:
        return None
    return [rows[0], *(row if len(row) == 1 else _spaced_cells(row) for row in rows[1:])], end


def _joined_letters(words: list[str]) -> list[str]:
    """Return header words with the letters of a spaced-out name joined (工 作 任 务)."""
    joined: list[str] = []
    for word, previous in zip(words, ["", *words], strict=False):
        if len(word) == 1 and len(previous) == 1 and joined:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


class _TrailingUnits:
    """A row without a full stop after its task: the words at its end that name units (or
    people) are its cells, the words before them its task (城镇新增就业1000万人以上 人力资源社会保障部)."""

    def __init__(self, task: str, rest: str) -> None:
        self._groups = (task, rest)

    def group(self, index: int) -> str:
        return self._groups[index - 1]

    @classmethod
    def match(cls, text: str) -> _TrailingUnits | None:
        words = text.split()
        count = 1 if len(words) > 2 and is_deadline_cell(words[-1]) else 0  # …人事处 2025年12月
        while count < len(words) - 1 and (
            is_unit(words[-1 - count]) or looks_like_person(words[-1 - count])
        ):
            count += 1
        if not any(is_unit(w) for w in words[len(words) - count :]):
            return None
        return cls(" ".join(words[: len(words) - count]), " ".join(words[len(words) - count :]))


def _spaced_cells(row: list[str]) -> list[str]:
    serial, task, rest = row
    people: list[str] = []
    units: list[str] = []
    words = rest.split()
    deadline = words.pop() if words and is_deadline_cell(words[-1]) else ""
    letters = ""  # 汪  峰: a name whose characters were spaced apart to fill the cell
    for word in words:
        if len(word) == 1:
            letters += word
            continue
        if letters:
            people.append(letters)
            letters = ""
        if is_unit(word) or names_units(word):
            # A cell of several units (市发展改革委、市农业局等): each of them.
            units += [name for name in listed_names(word) if name not in units]
        elif looks_like_person(word) and not units:
            people.append(word)
        else:
            break
    return [
        serial,
        task,
        "、".join(people),
        units[0] if units else "",
        "、".join(units[1:]),
        deadline,
    ]


_UNIT_KINDS = ("lead", "plain", "co")


def _typed_cell_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Read a table copied one cell per line without serial numbers (任务 / 完成时间 / 负责单位 /
    负责人): each cell is known by what it holds — a date, units, people, else a task, which
    starts the next row. Under a header with a key point column before the task (工作任务 /
    具体要求 / 落实科室), numbered tasks start rows and a line without a number is the next key
    point. A row without units or date had them in a cell merged with the row above and takes
    that row's; the first rows of a key point without units shared one cell of several tasks
    with the row after them, whose units they take."""
    if not _bare(lines[start]):
        return None
    header: list[str] = []
    end = start
    while end < len(lines) and len(header) < 8:
        line = _bare(lines[end])
        if line and not column_kind(line):
            break
        header += [line] if line else []
        end += 1
    kinds = [column_kind(cell) for cell in header]
    units_at = next((i for i, kind in enumerate(kinds) if kind in _UNIT_KINDS), None)
    # 具体项目 / 负责单位: two columns are enough when they are the task and its units.
    if len(header) < 2 or kinds.count("task") not in (1, 2) or units_at is None:
        return None
    if "serial" in kinds:
        return None
    if kinds.count("task") == 2:
        kinds[kinds.index("task")] = "point"
    second_units = next(
        (i for i, kind in enumerate(kinds) if kind in _UNIT_KINDS and i > units_at), None
    )
    found: list[dict[str, list[str]]] = []
    point = ""
    while end < len(lines):
        line = _bare(lines[end])
        if line and (_is_section_line(line) or _SERIAL_HEADER.fullmatch(line)):
            break
        kind = _cell_kind(line, has_people="leader" in kinds) if line else None
        if kind == "task" and found and "units" in found[-1] and _CUT_UNIT.fullmatch(line):
            kind = "units"  # 省人口计生 among units: a name the office shortened
        parts = kind == "task" and line.startswith("—") and bool(found)
        if parts and set(found[-1]) == {"task", "point"}:
            found[-1]["task"].append(line)  # ——女性人均预期寿命延长。: the target's parts
        elif parts:
            found.append({"task": [line], "point": [point]})  # a part with units of its own
        elif kind == "task" and "point" in kinds and not _NUMBERED_CELL.match(line):
            point = line  # the key point over the numbered tasks that follow
        elif kind == "task":
            found.append({"task": [line], "point": [point]})
        elif kind and found:
            found[-1].setdefault(kind, []).append(line)
        elif kind:
            break  # the table opens with a task
        end += 1
    if sum(1 for row in found if "units" in row) < 2:
        return None
    _share_merged_cells(found)
    rows = [header]
    for row in found:
        cells = {"task": "".join(row["task"]), "deadline": "\n".join(row.get("deadline", []))}
        cells["point"] = row["point"][0]
        cells["leader"] = "、".join(row.get("people", []))
        units = row.get("units", [])
        cells["units"] = "\n".join(units)
        cells_of_row = [
            cells["units"] if i == units_at else cells.get(kind or "", "")
            for i, kind in enumerate(kinds)
        ]
        if second_units is not None and len(units) > 1:
            # 主要责任单位 / 责任单位, a unit a line: the first leads, the others share the work.
            cells_of_row[units_at] = units[0]
            cells_of_row[second_units] = "\n".join(units[1:])
        rows.append(cells_of_row)
    return rows, end


_NUMBERED_CELL = re.compile(r"^\d{1,3}[.．、](?!\d)")
_CUT_UNIT = re.compile(r"(?:省|市|县|区|州)[\u4e00-\u9fff]{2,8}")


def _share_merged_cells(found: list[dict[str, list[str]]]) -> None:
    """Give rows without units or date the cells merged over them: the row above's, or at a
    key point's start, those of the first row of the key point that has them."""
    for index, row in enumerate(found):
        starts_point = index == 0 or found[index - 1]["point"] != row["point"]
        for shared in ("units", "deadline"):
            if shared in row:
                continue
            if not starts_point:
                source = found[index - 1]
            else:
                same_point = (other for other in found[index:] if other["point"] == row["point"])
                source = next((other for other in same_point if shared in other), {})
            if shared in source:
                row[shared] = source[shared]


def _cell_kind(line: str, *, has_people: bool) -> str:
    """Return what a cell holds: "deadline", "units", "people" or "task"."""
    content = cell_content(line)
    if content == "text" and line.endswith(("。", "；", ";")):
        return "task"
    if content in ("person", "role") or (
        has_people and content == "text" and re.fullmatch(r"[\u4e00-\u9fff]{4,6}", line)
    ):
        return "people"  # 杨红霞李俊: two names run together
    return {"date": "deadline", "units": "units"}.get(content, "task")


# 序号工作任务责任单位: a header whose column names a copy ran together, perhaps after a title.
_GLUED_HEADER_RE = re.compile(r"序号(?P<rest>[\u4e00-\u9fff]{4,40})")
_SERIAL_AT_RE = re.compile(r"(?<!\d)(\d{1,3})(?![\d.．、月日年%])")
_LONGEST_GLUED_ROW = 3000  # characters one row's cells may take
# The header of every table read this way (the parse says so in a warning).
GLUED_HEADER = ["序号", "工作任务", "责任单位"]
_PAGE_MARK_RE = re.compile(r"\n\d{1,2}、")


def _glued_header(line: str) -> list[str] | None:
    """Return the column names of a header run together (序号任务名称任务内容牵头部门配合部门…),
    read off the known names one after another, or None when it names no task and units."""
    match = _GLUED_HEADER_RE.search(line)
    if match is None:
        return None
    header, rest = ["序号"], match["rest"]
    while rest:
        name = next(
            (
                rest[:size]
                for size in range(min(len(rest), 8), 1, -1)
                if is_column_label(rest[:size])
            ),
            None,
        )
        if name is None:
            break  # 备注, 工作落实情况…: columns after the units, no matter
        header.append(name)
        rest = rest[len(name) :]
    return header if is_header_row(header) else None


def _units_tail(text: str) -> bool:
    """Return whether `text` is the units cell at a run-together row's end."""
    tail = text.strip(" \t\u3000\n，,；;")
    if not 2 <= len(tail) <= 200 or re.search(r"[。\d%]", tail):
        return False
    names = listed_names(re.sub(r"(?:牵头|配合|参与|协助|负责|落实)(?=[；;，,、]|$)", "", tail))
    return bool(names) and all(is_unit(name) for name in names)


def _glued_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Read a table whose copy lost every separator: a header of column names run together
    (序号工作任务责任单位), then rows that each open with their number glued to their words and
    end with their units (…知晓率达90%以上。市委宣传部、市城管委2完善…), on one line or
    several. A row ends where its words, after their last full stop, name only units and the
    next number follows."""
    header = _glued_header(lines[start])
    if header is None:
        return None
    first = _GLUED_HEADER_RE.search(lines[start])
    # After the names it knows, the header may name columns of no matter (备注, 落实情况…):
    # the first row begins at the line's first number, or on the next line.
    rest = lines[start][first.start() + len("".join(header)) :] if first else ""
    digit = re.search(r"\d", rest)
    text = "\n".join([rest[digit.start() :] if digit else "", *lines[start + 1 :]])
    # A document site numbers its pages' text 1、 2、 3、 at the start of a line, cutting a
    # word or a name (市\n2、住建局): the marks go, and the halves join.
    text = _PAGE_MARK_RE.sub("", text)
    rows: list[list[str]] = []
    position, expected = 0, None
    while True:
        opening = re.match(r"[ \t\u3000\n]*(\d{1,3})(?=[^\d.．、])", text[position:])
        if opening is None or (expected is not None and int(opening.group(1)) != expected):
            break
        number = int(opening.group(1))
        body = position + opening.end()
        window = text[body : body + _LONGEST_GLUED_ROW]
        cut = None
        for found in _SERIAL_AT_RE.finditer(window):
            if int(found.group(1)) != number + 1:
                continue
            words = window[: found.start()]
            stop = max(words.rfind("。"), words.rfind("！"))
            if stop > 0 and _units_tail(words[stop + 1 :]):
                cut = found.start()
                break
        words = window[:cut] if cut is not None else window.split("\n\n", 1)[0]
        stop = max(words.rfind("。"), words.rfind("！"))
        units = words[stop + 1 :] if stop > 0 else ""
        if not _units_tail(units):
            break  # a row cut off before its units, or the text after the table
        task = re.sub(r"\s*\n\s*", "", words[: stop + 1])
        rows.append([str(number), task, "、".join(listed_names(units.strip())) or units.strip()])
        position, expected = body + len(words), number + 1
        if cut is None:
            break
    if len(rows) < 2:
        return None
    consumed = text[:position].count("\n")
    return [GLUED_HEADER, *rows], start + consumed + 1
