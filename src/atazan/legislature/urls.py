from django.urls import path

from atazan.legislature import views

app_name = "legislature"
urlpatterns = [
    path("", views.index, name="index"),
    path("bills/<str:number>/", views.bill, name="bill"),
    path("votes/<int:pk>/", views.vote, name="vote"),
    path("peoples-council/", views.peoples_council, name="peoples_council"),
    path("vice-president/", views.vice_president, name="vice_president"),
    path("deputies/", views.deputies, name="deputies"),
    path("deputies/<int:mandate_id>/", views.deputy, name="deputy"),
    path("staff/bills/new/", views.bill_new, name="bill_new"),
    path("bills/<str:number>/step/", views.bill_step, name="bill_step"),
]
