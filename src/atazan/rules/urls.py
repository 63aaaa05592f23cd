from django.urls import path

from atazan.rules import views, views_procedures

app_name = "rules"
urlpatterns = [
    path("", views.index, name="index"),
    path("check/", views.bill_check, name="check"),
    path("procedures/", views_procedures.procedures_index, name="procedures"),
    path("procedures/<slug:key>/", views_procedures.procedure_detail, name="procedure"),
]
