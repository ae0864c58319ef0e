from django.urls import path

from workplan.org import views

app_name = "org"
urlpatterns = [
    path("", views.department_list, name="department-list"),
    path("<int:department_id>/", views.department_detail, name="department-detail"),
]
