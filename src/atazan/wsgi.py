import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
application = get_wsgi_application()


def warm_caches() -> None:
    """Compute the per-process caches before the server forks its workers (gunicorn --preload), so that workers
    share them and no reader waits a second for the first comparison of the two Constitutions."""
    from django.urls import get_resolver

    from atazan.texts.comparison import comparison_get

    get_resolver().url_patterns  # noqa: B018 - imports every context's views, forms and API modules once
    for language in ("rus", "kaz"):
        comparison_get(1995, 2026, language)


if os.environ.get("ATAZAN_WARM_CACHES") == "1":
    warm_caches()
