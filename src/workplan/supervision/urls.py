from django.urls import path

from workplan.supervision import order_views, views

app_name = "supervision"
urlpatterns = [
    path("notices/", views.notices, name="notices"),
    path("orders/", order_views.order_list, name="orders"),
    path("orders/export/", order_views.order_export, name="orders-export"),
    path("plans/<int:plan_id>/orders/new/", order_views.orders_new, name="orders-new"),
    path("plans/<int:plan_id>/chase/", order_views.chase_page, name="chase"),
    path("plans/<int:plan_id>/chase/send/", order_views.chase_send, name="chase-send"),
    path("tasks/<int:task_id>/notice/", views.notice_issue, name="notice-issue"),
    path("notices/<int:notice_id>/", order_views.order_page, name="notice"),
    path("notices/<int:notice_id>/docx/", order_views.order_print, name="notice-docx"),
    path("notices/<int:notice_id>/sign/", views.notice_sign, name="notice-sign"),
    path("notices/<int:notice_id>/reply/", views.notice_reply, name="notice-reply"),
    path("notices/<int:notice_id>/close/", views.notice_close, name="notice-close"),
    path("files/<int:file_id>/", views.reply_file, name="reply-file"),
    path("tasks/<int:task_id>/instruction/", views.instruction_give, name="instruction-give"),
    path(
        "instructions/<int:instruction_id>/answer/",
        views.instruction_answer,
        name="instruction-answer",
    ),
    path("tasks/<int:task_id>/extension/", views.extension_request, name="extension-request"),
    path("extensions/<int:request_id>/decide/", views.extension_decide, name="extension-decide"),
]
