"""Reads from the consultation context: proposals by registration number, the proposals and campaigns behind an
article of the 2026 Constitution, and the themes the working group's analysis found.

The Commission stores only stable keys: a proposal's registration number (consultation's `Proposal.
registration_number`) and an article's number (`ProposalArticle.article` with `constitution="2026"`). A campaign is
a duplicate group (`Proposal.duplicate_group`: the registration number of the group's first member); its size is the
number of proposals in the group. Themes are recomputed by every analysis run, so agenda items keep the theme's label
and the registration numbers of its representatives, never its row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import translation

from atazan.consultation.models import CampaignLink, Proposal, ProposalArticle, Theme

CONSTITUTION = "2026"


@dataclass(frozen=True)
class ProposalRef:
    number: str
    title: str = ""  # the opening of the proposal's text
    campaign: str = ""  # the duplicate group (first member's number); "" for a proposal sent once
    campaign_size: int = 0
    status: str = ""
    status_label: str = ""
    theme: str = ""
    language: str = ""
    synthetic: bool = False
    url: str = ""

    @property
    def known(self) -> bool:
        return bool(self.url)


@dataclass(frozen=True)
class Campaign:
    """A duplicate group: the same text sent by ``size`` people (consultation's analysis)."""

    key: str  # registration number of its first member
    size: int
    language: str
    title: str
    url: str
    other_languages: tuple[str, ...] = ()  # groups carrying the same campaign in another language (CampaignLink)


@dataclass
class ArticleProposals:
    """What consultation knows about the proposals on one article of the 2026 Constitution."""

    article: str
    total: int = 0  # proposals linked to the article (named, suggested or confirmed)
    by_source: dict[str, int] = field(default_factory=dict)
    campaigns: list[Campaign] = field(default_factory=list)  # the largest first
    campaigns_total: int = 0
    in_campaigns: int = 0  # proposals on the article that belong to a campaign
    individual: int = 0  # proposals on the article sent once

    @property
    def url(self) -> str:
        return f"/consultation/?article={self.article}"


def _title(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157] + "…"


def _group_sizes(groups: Iterable[str]) -> dict[str, int]:
    keys = [g for g in set(groups) if g]
    sizes: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        rows = (
            Proposal.objects.filter(duplicate_group__in=keys[start : start + 500])
            .values("duplicate_group")
            .annotate(n=Count("id"))
            .values_list("duplicate_group", "n")
        )
        sizes.update(rows)
    return sizes


def proposals_lookup(numbers: Iterable[str]) -> dict[str, ProposalRef]:
    """A ProposalRef for each registration number, in the order given; an unknown number gets a bare ref."""
    wanted = [n for n in dict.fromkeys(numbers) if n]
    refs = {n: ProposalRef(n) for n in wanted}
    if not wanted:
        return refs
    rows = list(Proposal.objects.filter(registration_number__in=wanted).select_related("theme"))
    sizes = _group_sizes(p.duplicate_group for p in rows)
    # a theme by its name in the reader's language (a sentence of a proposal in that language), not by its keyword
    # label, whose words come from proposals in any language (issue 15)
    names = theme_names((translation.get_language() or "en").split("-")[0]) if any(p.theme_id for p in rows) else {}
    for p in rows:
        refs[p.registration_number] = ProposalRef(
            number=p.registration_number, title=_title(p.text), campaign=p.duplicate_group,
            campaign_size=sizes.get(p.duplicate_group, 0), status=p.status, status_label=str(p.get_status_display()),
            theme=names.get(p.theme.number, p.theme.label) if p.theme else "", language=p.language,
            synthetic=p.synthetic, url=p.get_absolute_url(),
        )  # fmt: skip
    return refs


def _article_links(articles: Sequence[str]):  # type: ignore[no-untyped-def]
    return ProposalArticle.objects.filter(constitution=CONSTITUTION, article__in=list(articles))


def article_proposals(num: str, *, campaigns: int = 10) -> ArticleProposals:
    """Counts of the proposals and campaigns behind Art. ``num`` of 2026, with the ``campaigns`` largest campaigns."""
    links = _article_links([num])
    summary = ArticleProposals(article=num)
    summary.by_source = dict(links.values("source").annotate(n=Count("id")).values_list("source", "n"))
    summary.total = sum(summary.by_source.values())
    if not summary.total:
        return summary
    on_article = Proposal.objects.filter(articles__constitution=CONSTITUTION, articles__article=num)
    groups = dict(on_article.exclude(duplicate_group="").values("duplicate_group").annotate(n=Count("id"))
                  .values_list("duplicate_group", "n"))  # fmt: skip
    summary.in_campaigns = sum(groups.values())
    summary.individual = summary.total - summary.in_campaigns
    summary.campaigns_total = len(groups)
    sizes = _group_sizes(groups)  # the whole campaign, also the copies that do not name the article
    biggest = sorted(groups, key=lambda g: (-sizes.get(g, 0), g))[:campaigns]
    firsts = {p.registration_number: p for p in Proposal.objects.filter(registration_number__in=biggest)}
    others: dict[str, list[str]] = {g: [] for g in biggest}
    for a, b in CampaignLink.objects.filter(group_a__in=biggest).values_list("group_a", "group_b"):
        others[a].append(b)
    for a, b in CampaignLink.objects.filter(group_b__in=biggest).values_list("group_a", "group_b"):
        others[b].append(a)
    for g in biggest:
        first = firsts.get(g)
        summary.campaigns.append(Campaign(
            key=g, size=sizes.get(g, 0), language=first.language if first else "",
            title=_title(first.text) if first else "", url=first.get_absolute_url() if first else "",
            other_languages=tuple(sorted(set(others[g]))),
        ))  # fmt: skip
    return summary


def proposals_for_articles(articles: Sequence[str], *, limit: int = 12) -> list[ProposalRef]:
    """Proposals on these 2026 articles for an agenda: the first member of each of the largest campaigns, then
    proposals sent once, in registration order (deterministic, so the demo links the same numbers every run)."""
    if not articles:
        return []
    picked: list[str] = []
    for num in articles:
        picked += [c.key for c in article_proposals(num, campaigns=max(1, limit // 2)).campaigns]
    single = (Proposal.objects.filter(articles__constitution=CONSTITUTION, articles__article__in=list(articles),
                                      duplicate_group="")
              .order_by("registration_number").values_list("registration_number", flat=True))  # fmt: skip
    picked += list(single[: max(0, limit - len(picked))])
    numbers = list(dict.fromkeys(picked))[:limit]
    return list(proposals_lookup(numbers).values())


@dataclass(frozen=True)
class ThemeRef:
    number: int
    label: str
    size: int
    representatives: tuple[str, ...]


def themes_list(*, limit: int = 200) -> list[ThemeRef]:
    """The themes of consultation's latest analysis, the largest first (for the secretariat's agenda form)."""
    return [
        ThemeRef(t.number, t.label, t.size, tuple(str(r) for r in t.representatives))
        for t in Theme.objects.order_by("-size", "number")[:limit]
    ]


def theme_names(language: str) -> dict[int, str]:
    """Each theme's name for a reader of ``language``, as the consultation names it (the first sentence of a
    representative proposal in that language; the keyword label only for a theme with no text)."""
    from atazan.consultation.selectors import theme_phrases

    return theme_phrases(language)


def theme_get(number: int) -> ThemeRef | None:
    t = Theme.objects.filter(number=number).first()
    return ThemeRef(t.number, t.label, t.size, tuple(str(r) for r in t.representatives)) if t else None


def themes_of_articles(articles: Sequence[str], *, limit: int = 3) -> list[ThemeRef]:
    """The themes most of the proposals on these articles fall in."""
    counts = (
        Proposal.objects.filter(articles__constitution=CONSTITUTION, articles__article__in=list(articles))
        .exclude(theme=None)
        .values("theme")
        .annotate(n=Count("id"))
        .order_by("-n", "theme")[:limit]
    )
    ids = [row["theme"] for row in counts]
    by_id = {t.pk: t for t in Theme.objects.filter(pk__in=ids)}
    return [
        ThemeRef(t.number, t.label, t.size, tuple(str(r) for r in t.representatives))
        for i in ids
        if (t := by_id.get(i))
    ]


def proposals_existing(numbers: Iterable[str]) -> set[str]:
    return set(
        Proposal.objects.filter(registration_number__in=list(numbers)).values_list("registration_number", flat=True)
    )
