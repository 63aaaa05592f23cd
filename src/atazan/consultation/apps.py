from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "atazan.consultation"
    label = "consultation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from atazan.consultation.notifications import receivers_connect

        receivers_connect()
