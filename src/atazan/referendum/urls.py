from django.urls import path

from atazan.referendum import views
from atazan.web.http_cache import shared_cache

app_name = "referendum"

# Public, the same for every anonymous reader of a language: ETag, a short shared max-age, 304 (web.http_cache)
cached = shared_cache("referendum")

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", cached(views.question), name="question"),
    path("<slug:slug>/live/", cached(views.live), name="live"),
    path("<slug:slug>/units/<slug:code>/", cached(views.unit), name="unit"),
    path("<slug:slug>/stations/", views.stations, name="stations"),
    path("<slug:slug>/precincts/<str:number>/", views.precinct, name="precinct"),
    path("<slug:slug>/forensics/", cached(views.forensics), name="forensics"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/review/<int:pk>/", views.review_item, name="review_item"),
    path("<slug:slug>/operator/", views.operator, name="operator"),
    path("<slug:slug>/operator/protocol/", views.protocol_enter, name="protocol_enter"),
    path("<slug:slug>/operator/upload/", views.protocol_upload, name="protocol_upload"),
    path("<slug:slug>/precincts/<str:number>/correct/", views.protocol_correct, name="protocol_correct"),
]
