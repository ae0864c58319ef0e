from django.urls import path

from workplan.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan-list"),
    path("plans/upload/", views.plan_upload, name="plan-upload"),
    path("plans/upload/<str:token>/", views.import_preview, name="import-preview"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan-detail"),
    path("tasks/<int:task_id>/", views.task_detail, name="task-detail"),
]
