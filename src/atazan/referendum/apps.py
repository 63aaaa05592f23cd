from django.apps import AppConfig


class ReferendumConfig(AppConfig):
    name = "atazan.referendum"
    label = "referendum"
    default_auto_field = "django.db.models.BigAutoField"
