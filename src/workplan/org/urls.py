from django.urls import path

from workplan.org import views

app_name = "org"
urlpatterns = [
    path("", views.department_list, name="department-list"),
    path("confirm/", views.departments_confirm, name="departments-confirm"),
    path("<int:department_id>/contact/", views.department_contact, name="department-contact"),
    path("<int:department_id>/edit/", views.department_edit, name="department-edit"),
    path("<int:department_id>/confirm/", views.department_confirm, name="department-confirm"),
    path("<int:department_id>/kind/", views.department_kind, name="department-kind"),
    path("<int:department_id>/rename/", views.department_rename, name="department-rename"),
    path("<int:department_id>/aliases/", views.alias_add, name="alias-add"),
    path("aliases/<int:alias_id>/remove/", views.alias_remove, name="alias-remove"),
    path("<int:department_id>/merge/", views.department_merge, name="department-merge"),
    path("groups/<int:group_id>/", views.group_edit, name="group-edit"),
]
