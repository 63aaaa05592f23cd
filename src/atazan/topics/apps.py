from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "atazan.topics"
    label = "topics"
    default_auto_field = "django.db.models.BigAutoField"
