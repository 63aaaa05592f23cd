from django.urls import path

from . import views

app_name = "elections"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/whatif/", views.whatif, name="whatif"),
    path("<slug:slug>/nist.json", views.nist_export, name="nist"),
    path("<slug:slug>/nist.xml", views.nist_export_xml, name="nist-xml"),
    path("<slug:slug>/regions/", views.regions, name="regions"),
    path("<slug:slug>/lists/<int:order>/", views.party, name="party"),
    path("<slug:slug>/operator/", views.operator, name="operator"),
    path("<slug:slug>/operator/import/", views.operator_import, name="operator-import"),
    path("<slug:slug>/operator/allocate/", views.operator_allocate, name="operator-allocate"),
    path("<slug:slug>/operator/assign/", views.operator_assign, name="operator-assign"),
    path("<slug:slug>/operator/terminate/", views.operator_terminate, name="operator-terminate"),
    path("<slug:slug>/operator/review/<int:pk>/", views.operator_review, name="operator-review"),
]
