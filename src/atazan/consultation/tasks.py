"""Background jobs (Django tasks, database backend; run by `atazan worker`)."""

from __future__ import annotations

from django_tasks import task


@task()
def analysis_run(engine: str = "auto") -> dict[str, object]:
    """Recompute duplicate groups and themes over every proposal."""
    from atazan.consultation.domain.themes import embedder_available
    from atazan.consultation.services import analysis_apply

    summary = analysis_apply(embedder=embedder_available(engine))
    return {"proposals": summary.proposals, "groups": summary.groups, "themes": summary.themes,
            "engine": summary.engine}  # fmt: skip


@task()
def notifications_run() -> dict[str, int]:
    """Make and email the notifications of every status change and Commission decision not yet notified."""
    from atazan.consultation.notifications import notifications_dispatch

    return {"notifications": notifications_dispatch()}
