from django.apps import AppConfig


class TextsConfig(AppConfig):
    name = "atazan.texts"
    label = "texts"
    default_auto_field = "django.db.models.BigAutoField"
