"""Topic pages, mounted at /topics/."""

from django.urls import path

from . import views

app_name = "topics"
urlpatterns = [
    path("", views.index, name="index"),
    path("rights/", views.rights_section, name="rights"),
    path("search/", views.search, name="search"),
    path("review/", views.review, name="review"),
    path("never-amendable/", views.never_amendable, name="never_amendable"),
    path("export.<str:fmt>", views.export, name="export"),
    path("<slug:key>/", views.topic, name="topic"),
]
