from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workplan.accounts.models import User
from workplan.core.ids import IdChoiceField
from workplan.core.roles import Role
from workplan.org.models import DepartmentGroup
from workplan.org.queries import registry_names
from workplan.parsing.responsibility import is_group, split_department_list
from workplan.plans.deadlines import parse_deadline
from workplan.plans.table import TaskValues
from workplan.plans.table_import import GROUP_NAME_LENGTH, too_long_group


class TaskRowForm(forms.Form):
    """One row of the task table, edited in place; `task` is the row's task, which names the
    row in a refusal and gives the plan's year for reading the deadline."""

    text = forms.CharField(label=_("Task"), widget=forms.Textarea(attrs={"rows": 3}))
    leader = IdChoiceField(
        label=_("Leader in charge"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("(the key point's)"),
    )
    lead = forms.CharField(
        label=_("Lead"),
        required=False,
        widget=forms.TextInput(attrs={"list": "department-names"}),
    )
    co = forms.CharField(
        label=_("Co-operating"),
        required=False,
        widget=forms.TextInput(attrs={"list": "department-names"}),
    )
    deadline = forms.CharField(
        label=_("Deadline"),
        required=False,
        max_length=200,
        help_text=_(
            "As offices write it: 6月底前, 2024年9月30日前, 每季度. The row shows how it was read."
        ),
    )
    outcome = forms.CharField(
        label=_("Expected outcome"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(
        label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["leader"].queryset = User.objects.filter(
            role_grants__role=Role.LEADER, is_active=True
        ).distinct()
        self.fields["leader"].label_from_instance = lambda user: user.display_name
        self._registry = None

    def _resolve(self, value: str, *, allow_groups: bool):
        if self._registry is None:
            self._registry = registry_names()
            self._groups = set(DepartmentGroup.objects.values_list("name", flat=True))
        names, groups = split_department_list(value)
        unknown = [n for n in names if n not in self._registry]
        if unknown:
            raise forms.ValidationError(
                _("No department is called {names}.").format(names="、".join(unknown))
            )
        if groups and not allow_groups:
            raise forms.ValidationError(
                _("Collective terms such as {names} belong under co-operating.").format(
                    names="、".join(groups)
                )
            )
        for group in groups:
            if group not in self._groups and len(group) > GROUP_NAME_LENGTH:
                raise forms.ValidationError(too_long_group(group))
        bad_groups = [g for g in groups if g not in self._groups and not is_group(g)]
        if bad_groups:
            raise forms.ValidationError(
                _("No department is called {names}.").format(names="、".join(bad_groups))
            )
        return list(dict.fromkeys(self._registry[n] for n in names)), groups

    def clean_deadline(self):
        """Refuse a deadline written as a date no calendar has (2021-13-45): it would be kept
        as words the system cannot read, and the clerk meant a real date."""
        text = self.cleaned_data["deadline"].strip()
        year = self.task.key_point.plan.year if self.task else timezone.localdate().year
        if parse_deadline(text, year).impossible:
            code = self.task.code if self.task else ""
            raise forms.ValidationError(
                _(
                    "Task {code}, deadline: “{value}” is not a date that exists; check the "
                    "year, month and day. Nothing in this row was saved."
                ).format(code=code, value=text)
            )
        return text

    def clean_lead(self):
        lead, _groups = self._resolve(self.cleaned_data["lead"], allow_groups=False)
        return lead

    def clean_co(self):
        return self._resolve(self.cleaned_data["co"], allow_groups=True)

    def task_values(self, key_point_leader) -> TaskValues:
        data = self.cleaned_data
        co, groups = data["co"]
        leader = data["leader"] or key_point_leader
        return TaskValues(
            text=data["text"].strip(),
            leader=leader,
            lead=data["lead"],
            co=[c for c in co if c not in data["lead"]],
            groups=groups,
            deadline=data["deadline"].strip(),
            outcome=data["outcome"].strip(),
            note=data["note"].strip(),
        )


class TableUploadForm(forms.Form):
    sheet = forms.FileField(
        label=_("Edited task table (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
