from django.urls import path

from workplan.org import views

app_name = "org"
urlpatterns = [
    path("", views.department_list, name="department-list"),
    path("<int:department_id>/contact/", views.department_contact, name="department-contact"),
    path("groups/<int:group_id>/", views.group_edit, name="group-edit"),
]
