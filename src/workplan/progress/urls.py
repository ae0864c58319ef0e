from django.urls import path

from workplan.progress import views

app_name = "progress"
urlpatterns = [
    path("", views.my_reports, name="my-reports"),
    path("review/", views.review_queue, name="review-queue"),
    path("tasks/<int:task_id>/", views.task_report, name="task-report"),
    path("reports/<int:report_id>/", views.report, name="report"),
    path("reports/<int:report_id>/save/", views.save_report, name="save-report"),
    path("reports/<int:report_id>/submit/", views.submit_report, name="submit-report"),
    path("reports/<int:report_id>/attach/", views.save_and_attach, name="save-and-attach"),
    path(
        "reports/<int:report_id>/evidence/<int:evidence_id>/remove/",
        views.save_and_remove,
        name="save-and-remove",
    ),
    path("reports/<int:report_id>/no-change/", views.report_no_change, name="report-no-change"),
    path("reports/<int:report_id>/approve/", views.approve_report, name="approve-report"),
    path("reports/<int:report_id>/send-back/", views.send_back_report, name="send-back-report"),
    path("reports/<int:report_id>/evidence/", views.attach_evidence, name="attach-evidence"),
    path("reports/<int:report_id>/review/", views.review, name="review"),
    path("evidence/<int:evidence_id>/", views.download_evidence, name="evidence"),
    path("plans/<int:plan_id>/schedule/", views.schedule, name="schedule"),
    path("plans/<int:plan_id>/periods/", views.add_period, name="add-period"),
    path("plans/<int:plan_id>/periods/<int:period_id>/", views.edit_period, name="edit-period"),
    path(
        "plans/<int:plan_id>/periods/<int:period_id>/delete/",
        views.delete_period,
        name="delete-period",
    ),
]
