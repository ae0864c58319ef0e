from django.urls import path

from workplan.supervision import views

app_name = "supervision"
urlpatterns = [
    path("notices/", views.notices, name="notices"),
    path("tasks/<int:task_id>/notice/", views.notice_issue, name="notice-issue"),
    path("notices/<int:notice_id>/reply/", views.notice_reply, name="notice-reply"),
    path("notices/<int:notice_id>/close/", views.notice_close, name="notice-close"),
    path("tasks/<int:task_id>/instruction/", views.instruction_give, name="instruction-give"),
    path(
        "instructions/<int:instruction_id>/answer/",
        views.instruction_answer,
        name="instruction-answer",
    ),
    path("tasks/<int:task_id>/extension/", views.extension_request, name="extension-request"),
    path("extensions/<int:request_id>/decide/", views.extension_decide, name="extension-decide"),
]
