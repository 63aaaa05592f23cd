from django.urls import path

from atazan.rules import views

app_name = "rules"
urlpatterns = [path("", views.index, name="index")]
