"""The hooks through which plans lets the apps above it act on its tasks, without knowing them.

Each is a Django signal sent by a plans function; an app above connects its receiver in its
`AppConfig.ready()`. Receivers run inside the sender's transaction."""

from django.dispatch import Signal

count_recorded_work = Signal()
"""Sent by `plans.queries.recorded_work` (sender: `Task`) with `task_ids`, a list of task ids,
to learn the work recorded on those tasks that deleting them would destroy. Each receiver
returns a dict from a field of `plans.queries.RecordedWork` ("reports", "evidence", "notices",
"instructions", "extensions") to a dict from task id to count, leaving out tasks with none."""

deleting_tasks = Signal()
"""Sent by `plans.actions.delete_tasks` (sender: `Task`) with `task_ids`, a list of task ids,
inside its transaction just before those tasks and everything recorded on them are deleted.
Receivers clean up what the database deletion does not reach (files on disk), e.g. with
`transaction.on_commit`."""

plan_imported = Signal()
"""Sent by `plans.actions.do_import_plan` (sender: `Plan`) inside its transaction once a
document became a new plan, with `plan`, `today` (the day of the import, a date) and `by` (the
user, None for the command line), so that the apps above make the plan live (progress sets up
its reporting periods). Each receiver may return a sentence, translated, saying what it set up;
the import shows those sentences to whoever imported (`ImportOutcome.set_up`)."""
