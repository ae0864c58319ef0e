from django.urls import path

from workplan.notifications import views

# Under /supervision/ (see workplan/urls.py), where the message centre has always been.
app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/read/", views.mark_all_read, name="mark-all-read"),
    path("notifications/seen/", views.mark_read, name="mark-read"),
]
