from django.urls import path

from atazan.referendum import views

app_name = "referendum"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.question, name="question"),
    path("<slug:slug>/live/", views.live, name="live"),
    path("<slug:slug>/units/<slug:code>/", views.unit, name="unit"),
    path("<slug:slug>/precincts/<str:number>/", views.precinct, name="precinct"),
    path("<slug:slug>/forensics/", views.forensics, name="forensics"),
    path("<slug:slug>/review/", views.review, name="review"),
]
