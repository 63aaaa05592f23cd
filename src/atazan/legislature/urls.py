from django.urls import path

from atazan.legislature import views

app_name = "legislature"
urlpatterns = [
    path("", views.index, name="index"),
    path("bills/<str:number>/", views.bill, name="bill"),
    path("votes/<int:pk>/", views.vote, name="vote"),
    path("peoples-council/", views.peoples_council, name="peoples_council"),
    path("vice-president/", views.vice_president, name="vice_president"),
]
