from django.urls import path

from atazan.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("data/", views.data_formats, name="data"),
    path("data/schemas/<str:name>", views.schema, name="schema"),
]
