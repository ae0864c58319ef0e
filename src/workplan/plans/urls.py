from django.urls import path

from workplan.plans import preview_views, table_views, views

app_name = "plans"
urlpatterns = [
    path("plans/", views.plan_list, name="plan-list"),
    path("plans/upload/", views.plan_upload, name="plan-upload"),
    path("plans/upload/<str:token>/", views.import_preview, name="import-preview"),
    path("plans/<int:plan_id>/match-leaders/", views.match_leaders, name="match-leaders"),
    path("plans/upload/<str:token>/item/", preview_views.preview_item, name="import-preview-item"),
    path(
        "plans/upload/<str:token>/responsibility/",
        preview_views.preview_responsibility,
        name="import-preview-responsibility",
    ),
    path(
        "plans/upload/<str:token>/structure/",
        preview_views.preview_restructure,
        name="import-preview-structure",
    ),
    path("plans/<int:plan_id>/table.xlsx", table_views.table_export, name="table-export"),
    path("plans/<int:plan_id>/table/upload/", table_views.table_upload, name="table-upload"),
    path(
        "plans/<int:plan_id>/table/upload/<str:token>/", table_views.table_apply, name="table-apply"
    ),
    path("plans/<int:plan_id>/table/shift/", table_views.shift_due_dates, name="table-shift"),
    path(
        "key-points/<int:key_point_id>/leader/",
        table_views.key_point_leader,
        name="key-point-leader",
    ),
]
