"""Changes the reports app makes: the letterhead of a plan's written reports."""

from django.db import transaction
from django.utils.translation import gettext as _

from workplan.audit.records import record_changed, record_created
from workplan.core.errors import NotAllowed
from workplan.core.limits import check_length
from workplan.core.roles import is_supervisor
from workplan.reports.models import ISSUER_CHARS, RED_HEADER_CHARS, Letterhead


def check_may_change_letterhead(by) -> None:
    """Raise NotAllowed unless `by` may change how the plan's reports are signed."""
    if by is not None and not is_supervisor(by):
        raise NotAllowed(_("Only the supervision office may change how the report is signed."))


@transaction.atomic
def do_set_letterhead(plan, *, issuer: str, red_header: str = "", by) -> Letterhead:
    """Return the plan's letterhead after setting its issuing office (落款) and 红头."""
    check_may_change_letterhead(by)
    issuer, red_header = issuer.strip(), red_header.strip()
    if not issuer:
        raise ValueError(_("Name the issuing office: the report cannot be signed by nobody."))
    check_length(issuer, field=_("Issuing office"), limit=ISSUER_CHARS)
    check_length(red_header, field=_("Red header"), limit=RED_HEADER_CHARS)
    letterhead = Letterhead.objects.select_for_update().filter(plan=plan).first()
    if letterhead is None:
        letterhead = Letterhead.objects.create(plan=plan, issuer=issuer, red_header=red_header)
        record_created(letterhead, by=by, fields=["issuer", "red_header"])
        return letterhead
    record_changed(
        letterhead,
        [("issuer", letterhead.issuer, issuer), ("red_header", letterhead.red_header, red_header)],
        by=by,
    )
    letterhead.issuer, letterhead.red_header = issuer, red_header
    letterhead.save(update_fields=["issuer", "red_header"])
    return letterhead
