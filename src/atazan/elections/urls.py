from django.urls import path

from . import views

app_name = "elections"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/whatif/", views.whatif, name="whatif"),
    path("<slug:slug>/nist.json", views.nist_export, name="nist"),
]
