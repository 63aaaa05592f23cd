"""Load test: citizens reading articles, searching, submitting proposals and polling referendum results while
protocols are imported — against several gunicorn processes on PostgreSQL, on 127.0.0.1 only, bounded in time.

    .venv/bin/python benchmarks/load.py [--seconds 60] [--users 50] [--workers 4] [--baseline-workers 1]

It needs a PostgreSQL database with the demo loaded (default postgres://postgres@127.0.0.1:5432/atazan_load; made and
filled with `atazan demo` when it does not exist yet). Two phases run the same load, first against one worker (the
baseline), then against --workers workers; each phase also runs `atazan referendum import` of 2,000 new synthetic
protocols while the users poll the results. Afterwards every write the server accepted (each proposal's registration
number, each protocol filed through the API, each imported protocol) is looked up in the database.

Each phase starts with a warm-up (--warmup, 15 s) in which the users arrive and the citizens and the operator sign in
(a sign-in costs the server about half a second of CPU: PBKDF2 with Django's iteration count); its requests and
article p95 are printed on their own, and the steady state is measured for --seconds after it.

Reported per phase: requests/s, p95 latency per kind of request, failures, the CPU used over the measured window
(the whole machine, the server's processes, Locust's own process); and the ratio target/baseline.
Issue 8's targets (2 cores, PostgreSQL, several processes): article pages p95 <= 100 ms at 50 users, zero errors,
zero lost writes. Locust (https://locust.io) drives the users with its FastHttpUser (`pip install locust`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SLUG = "2026-constitution"
DEMO_PASSWORD = "atazan-demo"
SEARCH_WORDS = ["право", "свобода", "Президент", "Курултай", "референдум", "құқық", "собственность", "язык", "суд"]


# --- the users (run inside the Locust child process only: importing locust patches the standard library) ---------


def _locust_child(args: argparse.Namespace) -> None:
    import resource
    from urllib.parse import urlencode

    import gevent
    from locust import FastHttpUser, between, events, task
    from locust.env import Environment

    articles: list[str] = json.loads(Path(args.articles).read_text())
    accepted_protocols: list[str] = []
    accepted_proposals: list[str] = []
    phase = args.phase
    operator_numbers = itertools.count()

    def cookie(client, name: str) -> str:  # type: ignore[no-untyped-def]
        return next((c.value for c in client.cookiejar if c.name == name), "")

    def csrf(client, path: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        page = client.get(path, name=f"{path} (form)")
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        return (match.group(1) if match else ""), page.text

    def login(client, username: str) -> None:  # type: ignore[no-untyped-def]
        token, _ = csrf(client, "/accounts/login/")
        client.post(
            "/accounts/login/",
            data={"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": args.host + "/accounts/login/"},
            name="/accounts/login/",
            allow_redirects=False,
        )

    class Reader(FastHttpUser):
        weight = 6
        wait_time = between(0.2, 1.0)

        @task(5)
        def article(self) -> None:
            import random

            self.client.get(random.choice(articles), name="article page")

        @task(2)
        def search(self) -> None:
            import random

            self.client.get("/texts/search/?" + urlencode({"q": random.choice(SEARCH_WORDS)}), name="search")

    class Watcher(FastHttpUser):
        weight = 3
        wait_time = between(0.5, 1.5)

        @task(2)
        def live(self) -> None:
            self.client.get(f"/referendum/{SLUG}/live/", name="referendum live fragment")

        @task(1)
        def result(self) -> None:
            self.client.get(f"/api/referendum/questions/{SLUG}/result", name="referendum result API")

    citizens = iter(json.loads(Path(args.citizens).read_text()) if args.citizens else [])

    class Citizen(FastHttpUser):
        weight = 1
        # one submission every 6-12 s stays within the consultation's throttle of 10 an hour per account for a
        # phase of up to a minute
        wait_time = between(6.0, 12.0)

        def on_start(self) -> None:
            account = next(citizens, {"username": "citizen", "iin": ""})
            login(self.client, account["username"])
            _, page = csrf(self.client, "/consultation/submit/")
            self.region = (re.search(r'<select name="region"><option value="([^"]*)"', page) or [None, ""])[1]
            self.language = (re.search(r'<select name="language"><option value="([^"]*)"', page) or [None, ""])[1]
            self.iin = account["iin"]

        @task
        def propose(self) -> None:
            token, _ = csrf(self.client, "/consultation/submit/")
            marker = f"load-{phase}-{uuid.uuid4().hex[:12]}"
            with self.client.post(
                "/consultation/submit/",
                data={
                    "csrfmiddlewaretoken": token,
                    "kind": "proposal",
                    "surname": "Synthetic",
                    "name": "Citizen",
                    "iin": self.iin,
                    "region": self.region,
                    "language": self.language,
                    "text": f"Synthetic load-test proposal {marker}: Article 1 should say more about rights.",
                },
                headers={"Referer": args.host + "/consultation/submit/"},
                name="submit proposal",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                location = response.headers.get("Location", "")
                if response.status_code == 302 and "/consultation/p/" in location:
                    accepted_proposals.append(location.rstrip("/").rsplit("/", 1)[-1])
                    response.success()
                else:
                    response.failure(f"proposal not registered (HTTP {response.status_code})")

    class Operator(FastHttpUser):
        weight = 1
        wait_time = between(0.5, 1.5)

        def on_start(self) -> None:
            login(self.client, "operator")  # election_operator: may file protocols (permission matrix)

        @task
        def file_protocol(self) -> None:
            number = f"load-{phase}-{next(operator_numbers):06d}"  # on the register (_register_csv)
            body = {
                "precinct": number,
                "unit": "Astana",
                "registered": 1000,
                "took_part": 600,
                "yes": 400,
                "no": 150,
                "invalid": 30,
                "not_counted": 20,
            }
            with self.client.post(
                f"/api/referendum/questions/{SLUG}/protocols",
                json=body,
                headers={"X-CSRFToken": cookie(self.client, "csrftoken"), "Referer": args.host + "/"},
                name="file protocol (API)",
                catch_response=True,
            ) as response:
                if response.status_code == 200 and response.json().get("accepted") == 1:
                    accepted_protocols.append(number)
                    response.success()
                else:
                    response.failure(f"protocol not accepted (HTTP {response.status_code}: {response.text[:120]})")

    classes = [Reader, Watcher, Citizen, Operator] if args.mix == "all" else [Reader]
    env = Environment(user_classes=classes, host=args.host, events=events)
    runner = env.create_local_runner()
    runner.start(args.users, spawn_rate=max(1, args.users // 5))
    warmup: dict[str, object] = {}

    def end_of_warmup() -> None:
        # Users arrive and sign in during the warm-up (each sign-in costs the server about half a second of CPU:
        # PBKDF2 with Django's iteration count); it is reported on its own and the steady state is measured after.
        entry = env.stats.entries.get(("article page", "GET"))
        warmup.update(
            requests=env.stats.total.num_requests,
            failures=env.stats.total.num_failures,
            article_p95_ms=entry.get_response_time_percentile(0.95) if entry else None,
        )
        env.stats.reset_all()

    gevent.spawn_later(args.warmup, end_of_warmup)
    gevent.spawn_later(args.warmup + args.seconds, runner.quit)
    runner.greenlet.join()

    stats = env.stats
    usage = resource.getrusage(resource.RUSAGE_SELF)
    report = {
        "warmup": warmup,
        "locust_cpu_s": usage.ru_utime + usage.ru_stime,
        "requests": stats.total.num_requests,
        "failures": stats.total.num_failures,
        "rps": stats.total.num_requests / max(1e-9, stats.total.last_request_timestamp - stats.total.start_time),
        "p95_ms": stats.total.get_response_time_percentile(0.95),
        "by_name": {},
        "errors": [f"{e.method} {e.name}: {e.error} x{e.occurrences}" for e in stats.errors.values()][:20],
        # a connection the server closed (keep-alive race, overload) versus a wrong answer from the application
        "transport_failures": sum(
            e.occurrences for e in stats.errors.values() if "Connection" in str(e.error) or "HTTP 0" in str(e.error)
        ),
        "accepted_protocols": accepted_protocols,
        "accepted_proposals": accepted_proposals,
    }
    for (name, method), entry in stats.entries.items():
        report["by_name"][f"{method} {name}"] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
        }
    Path(args.out).write_text(json.dumps(report))


# --- orchestration ---------------------------------------------------------------------------------------------------


def _env(database_url: str, var_dir: str) -> dict[str, str]:
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        ATAZAN_VAR_DIR=var_dir,
        DJANGO_DEBUG="0",
        DJANGO_SETTINGS_MODULE="atazan.settings",
        ATAZAN_LOG_LEVEL="ERROR",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _ensure_database(database_url: str, env: dict[str, str]) -> None:
    name = database_url.rsplit("/", 1)[-1]
    exists = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
        capture_output=True,
        text=True,
    )
    if exists.stdout.strip() != "1":
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        print(f"created database {name}; loading the demo (several minutes) …", flush=True)
        subprocess.run([str(Path(PYTHON).parent / "atazan"), "demo"], env=env, check=True, stdout=subprocess.DEVNULL)


_CITIZENS_SCRIPT = """
import datetime as dt, json, os, random, sys
import django
django.setup()
from atazan.accounts.demo import DEMO_PASSWORD, synthetic_iin
from atazan.accounts.domain.roles import Role
from atazan.accounts.services import VerificationRefused, citizen_verify, user_create
phase, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(phase)
pool = []
for i in range(count):
    user = user_create(username=f"load-{phase}-{i:03d}", password=DEMO_PASSWORD, roles=[Role.CITIZEN],
                       full_name="Synthetic Citizen")
    for _ in range(50):  # a made-up IIN nobody holds yet (one account per IIN)
        iin = synthetic_iin(dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(20000)), serial=rng.randrange(9000))
        try:
            citizen_verify(user=user, iin=iin, via="load benchmark (synthetic IIN)")
            break
        except VerificationRefused:
            continue
    pool.append({"username": user.get_username(), "iin": iin})
json.dump(pool, open(out, "w"))
"""


def _citizens(env: dict[str, str], phase: str, count: int, out: Path) -> Path:
    """Verified citizen accounts of their own for one phase: each submits under its own IIN, within the
    consultation's throttle (SUBMIT_LIMIT an hour per account)."""
    subprocess.run([PYTHON, "-c", _CITIZENS_SCRIPT, phase, str(count), str(out)], env=env, check=True)
    return out


def _wait_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=5) as response:  # noqa: S310 - 127.0.0.1
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not come up")


def _article_urls(url: str) -> list[str]:
    found: list[str] = []
    for year, lang in ((2026, "rus"), (2026, "kaz"), (1995, "rus")):
        with urllib.request.urlopen(f"{url}/texts/{year}/{lang}/", timeout=30) as response:  # noqa: S310
            html = response.read().decode()
        found += sorted(set(re.findall(rf'href="(/texts/{year}/{lang}/art/[^"/]+/)"', html)))
    if not found:
        raise RuntimeError("no article links found: is the demo loaded?")
    return found


OPERATOR_POOL = 20_000  # precincts on the register for the operator's API filings in one phase


def _register_csv(path: Path, phase: str, imported: list[str]) -> Path:
    """The phase's precincts on the register: a protocol is counted only for a registered precinct."""
    with path.open("w", encoding="utf-8") as stream:
        stream.write("precinct,unit,district,registered\n")
        for number in [*imported, *(f"load-{phase}-{k:06d}" for k in range(OPERATOR_POOL))]:
            stream.write(f"{number},Astana,,1200\n")
    return path


def _import_csv(path: Path, phase: str, count: int) -> list[str]:
    numbers = [f"import-{phase}-{k:05d}" for k in range(count)]
    with path.open("w", encoding="utf-8") as stream:
        stream.write("precinct,unit,registered,took_part,yes,no,invalid,not_counted\n")
        for number in numbers:
            stream.write(f"{number},Astana,1200,700,500,150,40,10\n")
    return numbers


def _phase(args: argparse.Namespace, *, label: str, workers: int, env: dict[str, str], tmp: Path) -> dict:  # type: ignore[type-arg]
    port = args.port
    url = f"http://127.0.0.1:{port}"
    # `atazan serve` execs gunicorn (gthread, 4 threads per worker): the same server a deployment runs
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "atazan"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=tmp,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_up(url)
        articles = tmp / "articles.json"
        articles.write_text(json.dumps(_article_urls(url)))
        phase = f"{label}-{uuid.uuid4().hex[:6]}"
        csv_path = tmp / f"import-{phase}.csv"
        imported = _import_csv(csv_path, phase, args.import_size if args.mix == "all" else 0)
        subprocess.run(
            [
                str(Path(PYTHON).parent / "atazan"),
                "referendum",
                "register",
                str(_register_csv(tmp / f"register-{phase}.csv", phase, imported)),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        citizens = _citizens(env, phase, args.users, tmp / f"citizens-{phase}.json")
        out = tmp / f"locust-{phase}.json"
        locust = subprocess.Popen(
            [
                PYTHON,
                __file__,
                "--locust-child",
                "--host",
                url,
                "--users",
                str(args.users),
                "--seconds",
                str(args.seconds),
                "--articles",
                str(articles),
                "--out",
                str(out),
                "--phase",
                phase,
                "--citizens",
                str(citizens),
                "--mix",
                args.mix,
                "--warmup",
                str(args.warmup),
            ],
            env=env,
        )
        time.sleep(args.warmup)
        cpu_start = _cpu_snapshot(server.pid)
        time.sleep(min(10, args.seconds / 4))  # the users are reading and polling when the import starts
        started = time.monotonic()
        imp = subprocess.CompletedProcess([], 0, "", "")
        if imported:
            imp = subprocess.run(
                [
                    str(Path(PYTHON).parent / "atazan"),
                    "referendum",
                    "import",
                    str(csv_path),
                    "--question",
                    SLUG,
                    "--actor",
                    "load-test",
                ],
                env=env,
                capture_output=True,
                text=True,
            )
        import_s = time.monotonic() - started
        locust.wait(timeout=args.warmup + args.seconds + 120)
        cpu_end = _cpu_snapshot(server.pid)
        result = json.loads(out.read_text())
        result.update(
            workers=workers,
            import_rc=imp.returncode,
            import_s=import_s,
            imported=imported,
            import_tail=imp.stdout[-300:] + imp.stderr[-300:],
            machine_busy=(cpu_end[0] - cpu_start[0]) / max(1, cpu_end[1] - cpu_start[1]),
            server_cpu_s=cpu_end[2] - cpu_start[2],
        )
        return result
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def _cpu_snapshot(server_pid: int) -> tuple[int, int, float]:
    """(busy jiffies of the whole machine, all jiffies, CPU seconds of the server's processes so far)."""
    import psutil  # a dependency of Locust

    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    server_s = 0.0
    try:
        root = psutil.Process(server_pid)
        for proc in [root, *root.children(recursive=True)]:
            times = proc.cpu_times()
            server_s += times.user + times.system
    except psutil.Error:
        pass
    return sum(fields) - idle, sum(fields), server_s


def _lost_writes(env: dict[str, str], result: dict) -> dict[str, int]:  # type: ignore[type-arg]
    """Look every accepted write up in the database (a separate process with Django set up)."""
    check = Path(tempfile.mkstemp(suffix=".json")[1])
    check.write_text(
        json.dumps(
            {"protocols": result["accepted_protocols"] + result["imported"], "proposals": result["accepted_proposals"]}
        )
    )
    code = (
        "import json, sys, django; django.setup()\n"
        "from atazan.referendum.models import ProtocolVersion\n"
        "from atazan.consultation.models import Proposal\n"
        f"data = json.load(open({str(check)!r}))\n"
        "found_p = set(ProtocolVersion.objects.filter(precinct__number__in=data['protocols'], is_current=True)"
        ".values_list('precinct__number', flat=True))\n"
        "found_c = set(Proposal.objects.filter(registration_number__in=data['proposals'])"
        ".values_list('registration_number', flat=True))\n"
        "print(json.dumps({'protocols_expected': len(set(data['protocols'])), 'protocols_missing': "
        "len(set(data['protocols']) - found_p), 'proposals_expected': len(set(data['proposals'])), "
        "'proposals_missing': len(set(data['proposals']) - found_c)}))\n"
    )
    out = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True)
    check.unlink()
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _print_phase(label: str, result: dict, lost: dict[str, int]) -> None:  # type: ignore[type-arg]
    print(
        f"\n== {label}: {result['workers']} worker(s), {result['requests']} requests, {result['rps']:.1f} req/s, "
        f"p95 {result['p95_ms']:.0f} ms, failures {result['failures']} "
        f"(of which connection-level {result['transport_failures']})"
    )
    warm = result["warmup"]
    print(
        f"   measured after a warm-up in which the users arrived and signed in ({warm.get('requests')} requests, "
        f"{warm.get('failures')} failures, article p95 {warm.get('article_p95_ms')} ms)"
    )
    print(
        f"   CPU over the measured window: machine {100 * result['machine_busy']:.0f}% busy of {os.cpu_count()} cores; "
        f"server processes {result['server_cpu_s']:.1f} CPU-s; Locust {result['locust_cpu_s']:.1f} CPU-s"
    )
    for name, row in sorted(result["by_name"].items()):
        print(
            f"   {name:48} n={row['requests']:6}  p50={row['p50_ms']:6.0f} ms  p95={row['p95_ms']:6.0f} ms  "
            f"failures={row['failures']}"
        )
    print(
        f"   import of {len(result['imported'])} protocols during the run: rc={result['import_rc']}, "
        f"{result['import_s']:.1f} s"
    )
    print(f"   writes checked in the database: {lost}")
    for error in result["errors"]:
        print(f"   error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--baseline-workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--warmup", type=int, default=15, help="seconds of arrival and sign-in before measuring")
    parser.add_argument("--import-size", type=int, default=2000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("ATAZAN_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/atazan_load"),
    )
    parser.add_argument("--citizens", default="", help=argparse.SUPPRESS)
    parser.add_argument(
        "--mix",
        choices=["all", "reads"],
        default="all",
        help="all: readers, watchers, citizens, an operator and an import; reads: readers only",
    )
    # the child process that runs Locust
    parser.add_argument("--locust-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--host", help=argparse.SUPPRESS)
    parser.add_argument("--articles", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.locust_child:
        _locust_child(args)
        return
    if not args.database_url.startswith("postgres://postgres@127.0.0.1"):
        sys.exit("the load test runs against a local PostgreSQL on 127.0.0.1 only")
    with tempfile.TemporaryDirectory(prefix="atazan-load-") as tmp_name:
        tmp = Path(tmp_name)
        env = _env(args.database_url, str(tmp / "var"))
        _ensure_database(args.database_url, env)
        # the schema may have moved on since the demo was loaded
        subprocess.run([str(Path(PYTHON).parent / "atazan"), "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"load: {args.users} users for {args.seconds} s per phase on {args.database_url} (127.0.0.1 only)")
        baseline = _phase(args, label="baseline", workers=args.baseline_workers, env=env, tmp=tmp)
        baseline_lost = _lost_writes(env, baseline)
        _print_phase("baseline", baseline, baseline_lost)
        target = _phase(args, label="target", workers=args.workers, env=env, tmp=tmp)
        target_lost = _lost_writes(env, target)
        _print_phase("target", target, target_lost)

    def p95(result: dict, name: str) -> float:  # type: ignore[type-arg]
        return float(result["by_name"].get(name, {}).get("p95_ms") or 0)

    article = "GET article page"
    print(f"\nmachine load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"ratio target/baseline: throughput x{target['rps'] / max(baseline['rps'], 1e-9):.2f}, "
        f"article p95 {p95(target, article):.0f} ms vs {p95(baseline, article):.0f} ms"
    )
    lost = target_lost["protocols_missing"] + target_lost["proposals_missing"]
    verdict = {
        "article p95 <= 100 ms": p95(target, article) <= 100,
        "zero errors": target["failures"] == 0,
        "zero lost writes": lost == 0,
        "import succeeded": target["import_rc"] == 0,
    }
    for goal, met in verdict.items():
        print(f"   {'met ' if met else 'MISSED'}  {goal}")


if __name__ == "__main__":
    main()
