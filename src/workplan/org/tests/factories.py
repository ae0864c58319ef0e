"""Registry rows for tests, made directly: `make_department`, `make_group`, `department_named`."""

from itertools import count

from workplan.org.kinds import guess_kind
from workplan.org.models import Department, DepartmentAlias, DepartmentGroup

_serial = count(1)


def make_department(**overrides) -> Department:
    """Return a new department; its kind is guessed from its name, as an import guesses it."""
    name = overrides.pop("name", None) or f"部门{next(_serial)}"
    aliases = overrides.pop("aliases", ())
    department = Department.objects.create(name=name, **{"kind": guess_kind(name), **overrides})
    for alias in aliases:
        DepartmentAlias.objects.create(department=department, name=alias)
    return department


def department_named(name_or_department) -> Department:
    """Return the department of that name (or the department given), made if it is new."""
    if isinstance(name_or_department, Department):
        return name_or_department
    found = Department.objects.filter(name=name_or_department).first()
    return found or make_department(name=name_or_department)


def make_group(**overrides) -> DepartmentGroup:
    """Return a new collective term (泛指) such as 各二级学院, with `members` if given."""
    members = overrides.pop("members", ())
    group = DepartmentGroup.objects.create(
        name=overrides.pop("name", None) or f"各单位{next(_serial)}", **overrides
    )
    group.members.set([department_named(m) for m in members])
    return group


def group_named(name_or_group) -> DepartmentGroup:
    """Return the group of that name (or the group given), made if it is new."""
    if isinstance(name_or_group, DepartmentGroup):
        return name_or_group
    return DepartmentGroup.objects.filter(name=name_or_group).first() or make_group(
        name=name_or_group
    )
