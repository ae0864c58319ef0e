"""Render a ParsedPlan as a readable Chinese outline for the terminal."""

from __future__ import annotations

from .model import ParsedPlan, Responsibility


def _responsibility_line(resp: Responsibility, indent: str) -> list[str]:
    lines = []
    if resp.leaders:
        lines.append(f"{indent}责任领导：{'、'.join(resp.leaders)}")
    lines.append(f"{indent}牵头：{'、'.join(resp.lead) or '（未标注）'}")
    if resp.co:
        lines.append(f"{indent}配合：{'、'.join(resp.co)}")
    if resp.groups:
        lines.append(f"{indent}泛指：{'、'.join(resp.groups)}")
    return lines


def render_outline(plan: ParsedPlan) -> str:
    """Return the plan as an indented outline: points, tasks, lead/co/groups, warnings."""
    year = f"{plan.year}年" if plan.year else "年度未知"
    org = plan.organization + "".join(f"（{a}）" for a in plan.organization_aliases)
    lines = [f"{org or '（单位未知）'} · {plan.title or '（无标题）'} · {year}"]
    lines.append(
        f"共 {len(plan.points)} 条要点、{plan.task_count()} 项任务、{len(plan.departments)} 个部门"
    )
    if plan.preamble:
        lines += ["", "总体要求：", f"  {plan.preamble}"]
    for point in plan.points:
        lines += ["", f"{point.number}. {point.title}"]
        if point.responsibility:
            lines += _responsibility_line(point.responsibility, "   ")
        lines += [f"   ? {warning}" for warning in point.warnings]
        for index, task in enumerate(point.tasks, start=1):
            deadline = f"（时限：{task.deadline}）" if task.deadline else ""
            lines.append(f"   {point.number}.{index} {task.text}{deadline}")
            if task.responsibility:
                lines += _responsibility_line(task.responsibility, "        ")
            lines += [f"        ? {warning}" for warning in task.warnings]
    lines += ["", "部门："]
    for dept in plan.departments:
        alias = f"（简称：{'、'.join(dept.aliases)}）" if dept.aliases else ""
        lines.append(f"  {dept.name}{alias}")
    if plan.proposals:
        lines += ["", "可能的简称（按原文保存，导入时确认）："]
        lines += [f"  {p.name} → {p.proposed}" for p in plan.proposals]
    if plan.warnings:
        lines += ["", f"提醒（{len(plan.warnings)}）："]
        lines += [f"  ! {warning}" for warning in plan.warnings]
    return "\n".join(lines)
