from django.urls import path

from atazan.consultation import activity, views
from atazan.web.http_cache import shared_cache

app_name = "consultation"
# Public, the same for every anonymous reader of a language: ETag, a short shared max-age, 304 (web.http_cache)
cached = shared_cache("consultation")

urlpatterns = [
    path("", views.index, name="index"),
    path("submit/", views.submit, name="submit"),
    path("similar/", views.similar, name="similar"),
    path("review/", views.review, name="review"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("open-data.csv", cached(views.export_csv), name="export_csv"),
    path("open-data.json", cached(views.export_json), name="export_json"),
    path("open-data-semicolon.csv", cached(views.export_csv), name="export_csv_semicolon"),
    path("open-data.xlsx", cached(views.export_xlsx), name="export_xlsx"),
    path("datapackage.json", views.export_datapackage, name="datapackage"),
    path("me/", activity.activity, name="activity"),
    path("me/follow/", activity.follow, name="follow"),
    path("me/settings/", activity.notice_settings, name="notice_settings"),
    path("unsubscribe/<str:token>/", activity.unsubscribe, name="unsubscribe"),
    path("overdue/", activity.overdue, name="overdue"),
    path("p/<str:number>/", views.detail, name="detail"),
    path("p/<str:number>/support/", views.support, name="support"),
    path("p/<str:number>/decide/", views.decide, name="decide"),
    path("p/<str:number>/attachments/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("p/<str:number>/confirm-article/", views.confirm_article, name="confirm_article"),
]
