from django.urls import path

from atazan.web.http_cache import shared_cache

from . import views

app_name = "elections"
# Public, the same for every anonymous reader of a language: ETag, a short shared max-age, 304 (web.http_cache)
cached = shared_cache("elections")

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", cached(views.detail), name="detail"),
    path("<slug:slug>/whatif/", views.whatif, name="whatif"),
    path("<slug:slug>/nist.json", cached(views.nist_export), name="nist"),
    path("<slug:slug>/nist.xml", cached(views.nist_export_xml), name="nist-xml"),
    path("<slug:slug>/regions/", cached(views.regions), name="regions"),
    path("<slug:slug>/lists/<int:order>/", cached(views.party), name="party"),
    path("<slug:slug>/operator/", views.operator, name="operator"),
    path("<slug:slug>/operator/import/", views.operator_import, name="operator-import"),
    path("<slug:slug>/operator/allocate/", views.operator_allocate, name="operator-allocate"),
    path("<slug:slug>/operator/assign/", views.operator_assign, name="operator-assign"),
    path("<slug:slug>/operator/terminate/", views.operator_terminate, name="operator-terminate"),
    path("<slug:slug>/operator/review/<int:pk>/", views.operator_review, name="operator-review"),
]
