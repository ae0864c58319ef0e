from django.urls import path

from workplan.pages import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.home),  # the address the 工作台 had before it was the site's root
    path("plans/<int:plan_id>/", views.plan_detail, name="plan-detail"),
    path("plans/<int:plan_id>/table/", views.table, name="table"),
    path("tasks/<int:task_id>/", views.task_detail, name="task-detail"),
    path("tasks/<int:task_id>/row/", views.task_row, name="task-row"),
    path("tasks/<int:task_id>/row/edit/", views.task_row_edit, name="task-row-edit"),
    path("departments/<int:department_id>/", views.department_detail, name="department-detail"),
]
