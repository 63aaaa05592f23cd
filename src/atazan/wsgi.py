import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
application = get_wsgi_application()


def warm_caches() -> None:
    """Compute the per-process caches before the server forks its workers (gunicorn --preload), so that workers
    share them and no reader waits a second for the first comparison of the two Constitutions."""
    from django.db import DatabaseError, connections
    from django.urls import get_resolver

    from atazan.texts.comparison import comparison_get

    get_resolver().url_patterns  # noqa: B018 - imports every context's views, forms and API modules once
    try:
        for language in ("rus", "kaz"):
            comparison_get(1995, 2026, language)
    except DatabaseError:
        pass  # a database not migrated yet: the pages say so themselves
    finally:
        connections.close_all()  # no connection may be shared by the forked workers


if os.environ.get("ATAZAN_WARM_CACHES") == "1":
    warm_caches()
