from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "atazan.web"
    label = "web"
    verbose_name = _("Site")

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from atazan.web.text_guard import text_guard_pre_save

        # Every model of every atazan app: NUL and over-long text refused, bidi controls removed (text_guard).
        pre_save.connect(text_guard_pre_save, dispatch_uid="atazan.web.text_guard")
