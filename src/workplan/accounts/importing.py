"""Read an account list from an xlsx sheet: 姓名 | 登录名 | 邮箱 | 部门 | 角色, one person a row."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from workplan.accounts.lockout import login_key
from workplan.accounts.models import User
from workplan.core.problems import ProblemList
from workplan.core.roles import Role
from workplan.core.workbooks import SheetTooLong, WorkbookRefused, read_sheet
from workplan.org.models import Department

MAX_XLSX_BYTES = 5 * 1024 * 1024
# A university has at most a few thousand staff with accounts; a longer sheet is a list of
# students or the wrong file, and checking each row (a department looked up, a hint found for
# a misspelt one) would keep the request for minutes.
MAX_PEOPLE = 5_000
MAX_CELLS = (MAX_PEOPLE + 1) * 20  # the five columns, and the other columns of an HR export
COLUMNS = {
    "full_name": ("姓名", "name"),
    "username": ("登录名", "用户名", "账号", "工号", "username", "login"),
    "email": ("邮箱", "电子邮箱", "email", "e-mail"),
    "departments": ("部门", "所在部门", "department", "departments"),
    "roles": ("角色", "role", "roles"),
}
SEPARATORS = r"[、，,；;/\s]+"
FULL_NAME_LENGTH = User._meta.get_field("full_name").max_length
EMAIL_LENGTH = User._meta.get_field("email").max_length


@dataclass
class AccountRow:
    row: int
    username: str
    full_name: str
    email: str
    departments: list[Department] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class AccountSheet:
    rows: list[AccountRow] = field(default_factory=list)
    errors: ProblemList = field(default_factory=ProblemList)  # the first 100, and a count


def _role_lookup() -> dict[str, str]:
    lookup = {}
    for role in Role:
        lookup[role.value] = role.value
        lookup[str(role.label).lower()] = role.value
    # The Chinese names clerks type, whatever language the page is in.
    lookup.update({
        "系统管理员": Role.ADMIN, "管理员": Role.ADMIN, "督办员": Role.SUPERVISOR,
        "督办": Role.SUPERVISOR, "校领导": Role.LEADER, "领导": Role.LEADER,
        "部门负责人": Role.HEAD, "负责人": Role.HEAD, "部门联络员": Role.LIAISON,
        "联络员": Role.LIAISON, "纪检/审计": Role.AUDITOR, "纪检": Role.AUDITOR, "审计": Role.AUDITOR,
    })  # fmt: skip
    return lookup


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value).replace("\u3000", " ").strip()
    return text[:-2] if isinstance(value, float) and text.endswith(".0") else text


def too_many_people(refused: SheetTooLong) -> str:
    if refused.cells:
        return _(
            "{name}, sheet {sheet}: more than {limit} cells hold values; an account sheet may "
            "have at most {limit}."
        ).format(name=refused.name, sheet=refused.sheet, limit=refused.limit)
    return _(
        "{name}, sheet {sheet}: it lists more than {limit} people; at most {limit} accounts can "
        "be made from one sheet. Please check it is the staff list, or split it."
    ).format(name=refused.name, sheet=refused.sheet, limit=refused.limit - 1)


def read_account_sheet(data: bytes, name: str) -> AccountSheet:
    """Return the accounts listed in an uploaded workbook, or every problem found in it."""
    sheet_result = AccountSheet()
    if len(data) > MAX_XLSX_BYTES:
        sheet_result.errors.append(_("{name}: the file is larger than 5 MB.").format(name=name))
        return sheet_result
    try:
        # The header row, and the count of rows holding values, before anything else is read.
        sheet = read_sheet(data, name, max_rows=MAX_PEOPLE + 1, max_cells=MAX_CELLS)
        header = [_cell(v).lower() for v in next(sheet.rows, ())]
    except SheetTooLong as refused:
        sheet_result.errors.append(too_many_people(refused))
        return sheet_result
    except WorkbookRefused as refused:
        sheet_result.errors.append(str(refused))
        return sheet_result
    columns = {}
    for key, labels in COLUMNS.items():
        for index, title in enumerate(header):
            if title in labels:
                columns[key] = index
                break
    missing = [COLUMNS[k][0] for k in ("full_name", "username") if k not in columns]
    if missing:
        sheet_result.errors.append(
            _("{name}, sheet {sheet}, row 1: the column(s) {columns} are missing.").format(
                name=name, sheet=sheet.title, columns="、".join(missing)
            )
        )
        return sheet_result
    try:
        rows = list(sheet.rows)  # at most MAX_PEOPLE of them hold values
    except WorkbookRefused as refused:
        sheet_result.errors.append(str(refused))
        return sheet_result

    departments = {d.name: d for d in Department.objects.all()}
    for department in Department.objects.prefetch_related("aliases"):
        for alias in department.aliases.all():
            departments.setdefault(alias.name, department)
    roles = _role_lookup()
    # Login names and e-mail addresses are compared without case: "JWC" beside "jwc" is the
    # same person to a clerk, and a reset link goes to whoever holds the address. Login names
    # are compared as the sign-in reads them (login_key): "ＪＷＣ" signs in as "JWC".
    seen: dict[str, tuple[str, int]] = {}
    seen_emails: dict[str, int] = {}
    taken = {login_key(u): u for u in User.objects.values_list("username", flat=True)}
    taken_emails = {
        e.lower(): u for u, e in User.objects.exclude(email="").values_list("username", "email")
    }

    def problem(row: int, column: str, message: str) -> None:
        if sheet_result.errors.full:  # counted, not written
            sheet_result.errors.append("")
            return
        sheet_result.errors.append(
            _("{name}, sheet {sheet}, row {row}, column {column}: {message}").format(
                name=name, sheet=sheet.title, row=row, column=column, message=message
            )
        )

    for number, values in enumerate(rows, start=2):

        def value(key: str, values=values) -> str:
            index = columns.get(key)
            return _cell(values[index]) if index is not None and index < len(values) else ""

        if not any(_cell(v) for v in values):
            continue
        account = AccountRow(number, value("username"), value("full_name"), value("email"))
        if not account.username:
            problem(number, "登录名", _("the login name is empty."))
        elif not re.fullmatch(r"[\w.@+-]{1,150}", account.username):
            problem(
                number,
                "登录名",
                _("“{value}” may only contain letters, digits and @.+-_").format(
                    value=account.username
                ),
            )
        elif login_key(account.username) in taken:
            existing = taken[login_key(account.username)]
            if existing == account.username:
                message = _("“{value}” is already used by an account.")
            elif existing.lower() == account.username.lower():
                message = _("“{value}” differs only in case from the existing account “{other}”.")
            else:
                message = _("“{value}” would sign in as the existing account “{other}”.")
            problem(number, "登录名", message.format(value=account.username, other=existing))
        elif login_key(account.username) in seen:
            other, row = seen[login_key(account.username)]
            if other == account.username:
                text = _("“{value}” is also on row {other}.").format(value=other, other=row)
            else:
                message = (
                    _("“{value}” differs only in case from “{other}” on row {row}.")
                    if other.lower() == account.username.lower()
                    else _("“{value}” is the same login name as “{other}” on row {row}.")
                )
                text = message.format(value=account.username, other=other, row=row)
            problem(number, "登录名", text)
        seen.setdefault(login_key(account.username), (account.username, number))
        if not account.full_name:
            problem(number, "姓名", _("the name is empty."))
        elif len(account.full_name) > FULL_NAME_LENGTH:
            problem(
                number,
                "姓名",
                _("the name has {length} characters; at most {limit} are allowed.").format(
                    length=len(account.full_name), limit=FULL_NAME_LENGTH
                ),
            )
        if account.email:
            try:
                if len(account.email) > EMAIL_LENGTH:
                    raise ValidationError("too long")
                validate_email(account.email)
            except ValidationError:
                problem(
                    number,
                    "邮箱",
                    _("“{value}” is not an e-mail address.").format(value=account.email[:80]),
                )
            else:
                address = account.email.lower()
                if address in taken_emails:
                    problem(
                        number,
                        "邮箱",
                        _(
                            "“{value}” is already the e-mail address of the account “{other}”."
                        ).format(value=account.email, other=taken_emails[address]),
                    )
                elif address in seen_emails:
                    problem(
                        number,
                        "邮箱",
                        _("“{value}” is also on row {other}.").format(
                            value=account.email, other=seen_emails[address]
                        ),
                    )
                seen_emails.setdefault(address, number)
        for name_ in [n for n in re.split(SEPARATORS, value("departments")) if n]:
            department = departments.get(name_)
            if department is None:
                close = not sheet_result.errors.full and difflib.get_close_matches(
                    name_, list(departments), n=3, cutoff=0.5
                )
                hint = _(" Did you mean: {names}?").format(names="、".join(close)) if close else ""
                problem(
                    number,
                    "部门",
                    _("no department is called “{value}”.").format(value=name_) + hint,
                )
            elif department not in account.departments:
                account.departments.append(department)
        for role_name in [r for r in re.split(SEPARATORS, value("roles")) if r]:
            role = roles.get(role_name.lower())
            if role is None:
                known = "、".join(str(r.label) for r in Role)
                problem(
                    number,
                    "角色",
                    _("“{value}” is not a role; use one of {roles}.").format(
                        value=role_name, roles=known
                    ),
                )
            elif role not in account.roles:
                account.roles.append(role)
        sheet_result.rows.append(account)
    if not sheet_result.rows and not sheet_result.errors:
        sheet_result.errors.append(_("{name}: the sheet lists no accounts.").format(name=name))
    return sheet_result
