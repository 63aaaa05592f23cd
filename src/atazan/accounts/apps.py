from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "atazan.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from atazan.accounts import checks, signals  # noqa: F401 - registers receivers and system checks
