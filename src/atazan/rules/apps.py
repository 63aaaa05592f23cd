from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "atazan.rules"
    label = "rules"
    default_auto_field = "django.db.models.BigAutoField"
