"""Read a task table (任务分解表) found in a document: one task per row, annotated per row."""

from __future__ import annotations

import re

from .model import ParsedTask
from .responsibility import parse_annotation

TableRows = list[list[str]]

TASK_HEADERS = (
    "具体任务",
    "工作任务",
    "工作举措",
    "主要任务",
    "重点任务",
    "任务内容",
    "工作内容",
    "具体措施",
    "任务",
)
COLUMN_LABELS = {
    "lead": ("牵头单位", "牵头部门", "主责单位", "主责部门"),
    "plain": ("责任单位", "责任部门"),
    "co": ("配合单位", "配合部门", "协办单位", "协办部门", "参与单位"),
    "leader": ("责任领导", "分管校领导", "牵头领导", "分管领导", "责任校领导", "牵头负责领导"),
    "deadline": ("完成时限", "完成时间", "时间节点", "时限要求", "时限"),
}
# How each column is labelled when the row is read as an annotation.
ANNOTATION_LABEL = {"lead": "牵头单位", "plain": "责任单位", "co": "配合单位", "leader": "责任领导"}


def _normalise(cell: str) -> str:
    return re.sub(r"[\s\u3000]+", "", cell)


def _column_map(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(_normalise(c) for c in header):
        if "task" not in columns and any(cell.startswith(h) or cell == h for h in TASK_HEADERS):
            columns["task"] = index
            continue
        for key, labels in COLUMN_LABELS.items():
            if key not in columns and any(label in cell for label in labels):
                columns[key] = index
                break
    return columns


def read_task_table(rows: TableRows, point_number: int) -> tuple[list[ParsedTask], list[str]]:
    """Return the tasks of a table under key point `point_number`, and warnings about it."""
    header_index = next(
        (i for i, header in enumerate(rows[:3]) if "task" in _column_map(header)), None
    )
    if header_index is None:
        return [], [f"第{point_number}条要点中的表格没有“任务”列，已跳过。"]
    columns = _column_map(rows[header_index])
    tasks: list[ParsedTask] = []
    warnings: list[str] = []
    for row_number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):

        def cell(key: str, row: list[str] = row) -> str:
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        text = re.sub(r"\s*\n\s*", "", cell("task"))
        if not text:
            continue
        parts = [f"{ANNOTATION_LABEL[key]}：{cell(key)}" for key in ANNOTATION_LABEL if cell(key)]
        responsibility = None
        if parts:
            responsibility, _ = parse_annotation("；".join(parts))
        else:
            warnings.append(f"第{point_number}条要点的表格第{row_number}行没有填写责任单位。")
        tasks.append(
            ParsedTask(text=text, responsibility=responsibility, deadline=cell("deadline"))
        )
    return tasks, warnings
