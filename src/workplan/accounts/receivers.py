"""What accounts does when an app below it sends one of its hooks (connected in
AccountsConfig.ready())."""

from django.utils.translation import ngettext

from workplan.accounts.models import User
from workplan.audit.records import record_changed
from workplan.org.merging import MergeLine


def _people(source):
    return list(User.objects.filter(departments=source).prefetch_related("departments"))


def preview_people(sender, *, source, target, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.previewing_merge`: the accounts that would belong to the target."""
    n = User.objects.filter(departments=source).count()
    if not n:
        return []
    return [
        MergeLine(
            ngettext(
                "{n} account will belong to {name}.", "{n} accounts will belong to {name}.", n
            ).format(n=n, name=target.name)
        )
    ]


def move_people(sender, *, source, target, by, **kwargs) -> list[MergeLine]:
    """Answer `org.hooks.departments_merged`: the source's people belong to the target instead
    (an account is not a year's record: it follows whatever the year)."""
    people = _people(source)
    for person in people:
        before = sorted(d.name for d in person.departments.all())
        after = sorted({*before, target.name} - {source.name})
        record_changed(person, [("departments", before, after)], by=by)
        person.departments.remove(source)
        person.departments.add(target)
    if not people:
        return []
    return [
        MergeLine(
            ngettext(
                "{n} account now belongs to {name}.",
                "{n} accounts now belong to {name}.",
                len(people),
            ).format(n=len(people), name=target.name)
        )
    ]
