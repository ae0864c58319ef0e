from django.urls import path

from workplan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.user_list, name="user-list"),
    path("import/", views.user_import, name="user-import"),
    path("<int:user_id>/", views.user_edit, name="user-edit"),
    path(
        "<int:user_id>/deactivate/",
        views.user_set_active,
        {"active": False},
        name="user-deactivate",
    ),
    path(
        "<int:user_id>/reactivate/", views.user_set_active, {"active": True}, name="user-reactivate"
    ),
    path("<int:user_id>/unlock/", views.user_unlock, name="user-unlock"),
]
