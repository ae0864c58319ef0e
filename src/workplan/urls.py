from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.decorators.csrf import csrf_protect
from django.views.generic import RedirectView
from django.views.i18n import set_language

from workplan.accounts.forms import PasswordResetForm
from workplan.accounts.views import LoginView, PasswordResetConfirmView
from workplan.core.views import healthz

auth_patterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("accounts/", include(auth_patterns)),
    path("i18n/setlang/", login_not_required(csrf_protect(set_language)), name="set_language"),
    path("healthz", healthz, name="healthz"),
    # One sign-in page, the one under the lock-out rules, for the admin site too.
    path(
        "admin/login/",
        login_not_required(RedirectView.as_view(pattern_name="login", query_string=True)),
    ),
    path("admin/", admin.site.urls),
    path("people/", include("workplan.accounts.urls")),
    path("audit/", include("workplan.audit.urls")),
    path("departments/", include("workplan.org.urls")),
    path("progress/", include("workplan.progress.urls")),
    path("supervision/", include("workplan.supervision.urls")),
    path("supervision/", include("workplan.notifications.urls")),
    path("reports/", include("workplan.reports.urls")),
    path("", include("workplan.pages.urls")),
    path("", include("workplan.plans.urls")),
]
