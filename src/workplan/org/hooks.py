"""The hooks through which org lets the apps above it act on departments, without knowing them.

Each is a Django signal sent by an org function; an app above connects its receiver in its
`AppConfig.ready()`. Receivers run inside the sender's transaction.

A merge moves only what belongs to a year still running: a plan whose year is over
(`plans.years.open_plans`) is never rewritten, its reports and notices stay with the merged
department under the name it had."""

from django.dispatch import Signal

previewing_merge = Signal()
"""Sent by `org.queries.merge_preview` (sender: `Department`) with `source` and `target`
(departments) and `today` (a date), to learn what merging `source` into `target` would move.
Each receiver returns a list of `org.merging.MergeLine` (a sentence, translated, and whether it
is a warning), leaving out what it would not touch."""

departments_merged = Signal()
"""Sent by `org.actions.do_merge_departments` (sender: `Department`) inside its transaction,
with `source`, `target`, `today` and `by`, before `source` is deactivated, so that each app
above moves its own rows of `source` to `target`. Each receiver returns a list of
`org.merging.MergeLine` saying what it moved; the office is shown them."""

counting_group_uses = Signal()
"""Sent by `org.queries.empty_groups_in_use` (sender: `DepartmentGroup`) with `group_ids` and `today`,
to learn how many tasks of the plans still running each collective term is assigned to. Each receiver returns a dict from
group id to a count, leaving out groups with none."""
