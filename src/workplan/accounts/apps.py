from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _

from workplan.org import hooks as org_hooks


class AccountsConfig(AppConfig):
    name = "workplan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from workplan.accounts import actions, receivers  # the models are loaded only now

        # Every sign-in (the form, the admin's, force_login) notes whose session it is.
        user_logged_in.connect(
            actions.track_signed_in_session, dispatch_uid="workplan.accounts.track_session"
        )
        org_hooks.previewing_merge.connect(
            receivers.preview_people, dispatch_uid="accounts-preview-merge"
        )
        org_hooks.departments_merged.connect(receivers.move_people, dispatch_uid="accounts-merge")
