from django.urls import path

from workplan.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.my_reports, name="my-reports"),
    path("review/", views.review_queue, name="review-queue"),
    path("tasks/<int:task_id>/", views.task_report, name="task-report"),
    path("reports/<int:report_id>/", views.report, name="report"),
    path("reports/<int:report_id>/evidence/", views.attach_evidence, name="attach-evidence"),
    path("reports/<int:report_id>/review/", views.review, name="review"),
    path("evidence/<int:evidence_id>/", views.download_evidence, name="evidence"),
    path("plans/<int:plan_id>/schedule/", views.schedule, name="schedule"),
    path("plans/<int:plan_id>/periods/", views.add_period, name="add-period"),
]
