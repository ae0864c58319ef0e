"""Who may see the parts of the composed pages that no single app's access rule decides."""

from workplan.core.roles import belongs_to
from workplan.progress.access import sees_all_reports


def may_see_department_dashboards(user, department) -> bool:
    """The department's own people and those who oversee every report see its dashboards."""
    return sees_all_reports(user) or belongs_to(user, department.pk)
