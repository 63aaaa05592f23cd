from django.urls import path

from atazan.referendum import views

app_name = "referendum"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.question, name="question"),
    path("<slug:slug>/live/", views.live, name="live"),
    path("<slug:slug>/units/<slug:code>/", views.unit, name="unit"),
    path("<slug:slug>/stations/", views.stations, name="stations"),
    path("<slug:slug>/precincts/<str:number>/", views.precinct, name="precinct"),
    path("<slug:slug>/forensics/", views.forensics, name="forensics"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/review/<int:pk>/", views.review_item, name="review_item"),
    path("<slug:slug>/operator/", views.operator, name="operator"),
    path("<slug:slug>/operator/protocol/", views.protocol_enter, name="protocol_enter"),
    path("<slug:slug>/operator/upload/", views.protocol_upload, name="protocol_upload"),
    path("<slug:slug>/precincts/<str:number>/correct/", views.protocol_correct, name="protocol_correct"),
]
