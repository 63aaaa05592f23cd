from django.apps import AppConfig


class LegislatureConfig(AppConfig):
    name = "atazan.legislature"
    label = "legislature"
    default_auto_field = "django.db.models.BigAutoField"
