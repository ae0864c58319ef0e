from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "workplan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from workplan.accounts import actions  # the models are loaded only now

        # Every sign-in (the form, the admin's, force_login) notes whose session it is.
        user_logged_in.connect(
            actions.track_signed_in_session, dispatch_uid="workplan.accounts.track_session"
        )
