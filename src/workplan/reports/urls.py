from django.urls import path

from workplan.reports import views

app_name = "reports"
urlpatterns = [
    path("plans/<int:plan_id>/ledger.xlsx", views.ledger_xlsx, name="ledger"),
    path("plans/<int:plan_id>/dashboard/", views.leadership_dashboard, name="dashboard"),
    path("plans/<int:plan_id>/report/", views.progress_report, name="progress-report"),
    path("plans/<int:plan_id>/report/letterhead/", views.report_letterhead, name="letterhead"),
    path(
        "plans/<int:plan_id>/departments/<int:department_id>/",
        views.department_dashboard,
        name="department-dashboard",
    ),
]
