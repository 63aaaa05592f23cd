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
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

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
    """The phase's precincts on the register: a protocol is counted only for a registered precinct.

    500 voters each, so that the whole register (over 20,000 precincts) stays under the register's plausibility bound
    of 14,979,135 entitled citizens (the 2026 electorate plus a fifth)."""
    with path.open("w", encoding="utf-8") as stream:
        stream.write("precinct,unit,district,registered\n")
        for number in [*imported, *(f"load-{phase}-{k:06d}" for k in range(OPERATOR_POOL))]:
            stream.write(f"{number},Astana,,500\n")
    return path


def _import_csv(path: Path, phase: str, count: int) -> list[str]:
    numbers = [f"import-{phase}-{k:05d}" for k in range(count)]
    with path.open("w", encoding="utf-8") as stream:
        stream.write("precinct,unit,registered,took_part,yes,no,invalid,not_counted\n")
        for number in numbers:
            stream.write(f"{number},Astana,500,300,200,70,20,10\n")
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


# --- referendum night: viewers, readers and operators through nginx, then straight to gunicorn --------------------
#
# A plain asyncio HTTP/1.1 client (keep-alive, chunked bodies, cookies): one process drives hundreds of viewers
# cheaply and every request's latency and X-Cache-Status are kept as they were measured.

NIGHT_OPERATOR_SCRIPT = """
import json, sys
import django
django.setup()
from atazan.accounts.demo import DEMO_PASSWORD
from atazan.accounts.domain.roles import Role
from atazan.accounts.services import user_create
phase, count = sys.argv[1], int(sys.argv[2])
names = []
for i in range(count):
    user = user_create(username=f"night-op-{i:02d}", password=DEMO_PASSWORD, roles=[Role.ELECTION_OPERATOR],
                       full_name="Synthetic Operator")
    names.append(user.get_username())
print(json.dumps(names))
"""

NIGHT_POOL = 3000  # precincts put on the register for each phase's filings

ACCEPT_LANGUAGES = [  # what browsers send; each string is its own cache key (with the language cookie, if any)
    ("kk", "kk-KZ,kk;q=0.9,ru;q=0.8", 30),
    ("kk", "kk", 15),
    ("ru", "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", 30),
    ("ru", "ru", 15),
    ("en", "en-US,en;q=0.9", 10),
]


class _Http:
    """One simulated browser: a keep-alive connection to one of `targets` and its cookies."""

    def __init__(self, targets: list[tuple[str, int]], index: int) -> None:
        self.host, self.port = targets[index % len(targets)]
        self.reader: Any = None
        self.writer: Any = None
        self.used = 0.0
        self.cookies: dict[str, str] = {}

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> tuple[int, dict[str, str], bytes]:
        import asyncio

        # gunicorn closes an idle keep-alive connection after 2 s: open a new one rather than race its close
        reused = self.writer is not None and time.monotonic() - self.used < 1.5
        if not reused:
            self.close()
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port, limit=1 << 22)
            try:
                answer = await self._exchange(method, path, headers or {}, body)
                self.used = time.monotonic()
                return answer
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 1 or not reused or method != "GET":
                    raise
        raise AssertionError("unreachable")

    async def _exchange(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed before the answer")
        status = int(status_line.split()[1])
        got: dict[str, str] = {}
        while True:
            line = (await self.reader.readline()).decode("latin-1")
            if line in ("\r\n", "\n", ""):
                break
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie, _, attributes = value.partition(";")
                key, _, val = cookie.partition("=")
                if val and "max-age=0" not in attributes.lower():
                    self.cookies[key.strip()] = val.strip()
                else:
                    self.cookies.pop(key.strip(), None)
            got[name] = value
        if method == "HEAD" or status in (204, 304):
            content = b""
        elif "content-length" in got:
            content = await self.reader.readexactly(int(got["content-length"]))
        elif got.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readline()
                    break
                parts.append(await self.reader.readexactly(size))
                await self.reader.readline()
            content = b"".join(parts)
        else:
            content = await self.reader.read()
            got["connection"] = "close"
        if got.get("connection", "").lower() == "close":
            self.close()
        return status, got, content


@dataclass
class _Sample:
    kind: str
    started: float
    ms: float
    status: int
    cache: str


@dataclass
class _Night:
    samples: list[_Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    filed: list[str] = field(default_factory=list)  # precinct numbers sent
    accepted: list[tuple[float, str]] = field(default_factory=list)  # (time the answer came, precinct) accepted
    probe: list[tuple[float, int]] = field(default_factory=list)  # (time, precincts counted) seen by the public
    measuring_from: float = 0.0
    measuring_to: float = 0.0


async def _night_run(args: argparse.Namespace, targets: list[tuple[str, int]], articles: list[str],
                     operators: list[str], phase: str, base_counted: int) -> _Night:  # fmt: skip
    import asyncio
    import random

    night = _Night()
    rng = random.Random(phase)
    start = time.monotonic()
    night.measuring_from = start + args.warmup
    night.measuring_to = night.measuring_from + args.seconds
    stop_at = night.measuring_to
    live = f"/referendum/{SLUG}/live/"
    page = f"/referendum/{SLUG}/"
    api = f"/api/referendum/questions/{SLUG}/result"

    async def timed(client: _Http, kind: str, method: str, path: str, **kw: Any) -> tuple[int, dict[str, str], bytes]:
        t0 = time.monotonic()
        try:
            status, headers, body = await client.request(method, path, **kw)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            if t0 >= night.measuring_from:
                night.errors.append(f"{kind}: {type(exc).__name__} {exc}")
            return 0, {}, b""
        t1 = time.monotonic()
        if t0 >= night.measuring_from and t1 <= night.measuring_to + 30:
            night.samples.append(_Sample(kind, t0, 1000 * (t1 - t0), status, headers.get("x-cache-status", "-")))
            if status >= 400 and not (kind == "file protocol" and status == 422):
                night.errors.append(f"{kind}: HTTP {status} {body[:120]!r}")
        return status, headers, body

    weights = [w for *_, w in ACCEPT_LANGUAGES]

    async def viewer(i: int) -> None:
        client = _Http(targets, i)
        _, accept, _ = rng.choices(ACCEPT_LANGUAGES, weights)[0]
        headers = {"Accept-Language": accept}
        await asyncio.sleep(rng.uniform(0, min(args.warmup, 10)))  # viewers arrive over the warm-up
        await timed(client, "results page", "GET", page, headers=headers)
        polls = 0
        while time.monotonic() < stop_at:
            await asyncio.sleep(args.poll * rng.uniform(0.9, 1.1))  # the page's htmx poll (every 5 s)
            polls += 1
            await timed(client, "live fragment", "GET", live, headers=headers)
            if polls % 3 == 0:  # now and then a viewer's app or script reads the API too
                await timed(client, "results API", "GET", api, headers=headers)
            if polls % 12 == 0:  # or reloads the whole page
                await timed(client, "results page", "GET", page, headers=headers)
        client.close()

    async def reader(i: int) -> None:
        client = _Http(targets, i)
        _, accept, _ = rng.choices(ACCEPT_LANGUAGES, weights)[0]
        await asyncio.sleep(rng.uniform(0, min(args.warmup, 10)))
        while time.monotonic() < stop_at:
            await timed(client, "article page", "GET", rng.choice(articles), headers={"Accept-Language": accept})
            await asyncio.sleep(rng.uniform(1.0, 3.0))
        client.close()

    numbers = itertools.count()

    async def operator(i: int, username: str) -> None:
        client = _Http(targets, i)
        status, _, body = await client.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        form = urlencode({"username": username, "password": DEMO_PASSWORD,
                          "csrfmiddlewaretoken": token.group(1).decode() if token else ""})  # fmt: skip
        status, _, _ = await client.request(
            "POST", "/accounts/login/", body=form.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"},
        )  # fmt: skip
        if status != 302:
            night.errors.append(f"operator {username} could not sign in (HTTP {status})")
            return
        await asyncio.sleep(max(0.0, night.measuring_from - time.monotonic()))  # filings start with the measurement
        while time.monotonic() < stop_at:
            k = next(numbers)
            if k >= NIGHT_POOL:
                break
            number = f"load-{phase}-{k:06d}"
            payload = {"precinct": number, "unit": "Astana", "registered": 10, "took_part": 6, "yes": 4, "no": 1,
                       "invalid": 1, "not_counted": 0}  # fmt: skip
            night.filed.append(number)
            status, _, body = await timed(
                client, "file protocol", "POST", f"/api/referendum/questions/{SLUG}/protocols",
                body=json.dumps(payload).encode(),
                headers={"Content-Type": "application/json", "X-CSRFToken": client.cookies.get("csrftoken", ""),
                         "Referer": "http://127.0.0.1/"},
            )  # fmt: skip
            if status == 200 and json.loads(body).get("accepted") == 1:
                night.accepted.append((time.monotonic(), number))
            elif status == 200:
                night.errors.append(f"protocol {number} not accepted: HTTP {status} {body[:160]!r}")
            await asyncio.sleep(rng.uniform(0.5, 1.5) * args.operator_wait)
        client.close()

    async def probe() -> None:
        """A public reader of the result API (the same address and language as viewers): what the cache shows."""
        client = _Http(targets, 0)
        headers = {"Accept-Language": ACCEPT_LANGUAGES[2][1]}
        deadline = stop_at + args.drain
        while time.monotonic() < deadline:
            t0 = time.monotonic()
            try:
                status, _, body = await client.request("GET", api, headers=headers)
                if status == 200:
                    night.probe.append((t0, int(json.loads(body)["precincts_counted"])))
            except (OSError, asyncio.IncompleteReadError, ValueError):
                client.close()
            if night.accepted and night.probe and night.probe[-1][1] >= base_counted + len(night.accepted) \
                    and time.monotonic() > stop_at:  # fmt: skip
                break
            await asyncio.sleep(0.25)
        client.close()

    # The night has been going on for hours when it is measured: every results address in every language variant has
    # been asked for once (through the cache: it holds them; straight: each instance has computed the tally).
    for index in range(len(targets)):
        warm = _Http(targets, index)
        for _, accept, _ in ACCEPT_LANGUAGES:
            for path in (page, live, api):
                await warm.request("GET", path, headers={"Accept-Language": accept})
        warm.close()
    start = time.monotonic()
    night.measuring_from = start + args.warmup
    night.measuring_to = stop_at = night.measuring_from + args.seconds

    tasks = [viewer(i) for i in range(args.viewers)]
    tasks += [reader(i) for i in range(args.readers)]
    tasks += [operator(i, name) for i, name in enumerate(operators)]
    tasks.append(probe())
    await asyncio.gather(*tasks)
    return night


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _staleness(night: _Night, base_counted: int) -> tuple[list[float], int]:
    """Seconds from each acceptance to the first public answer counting it. The i-th acceptance (in the order the
    operators were told) is public once the result counts base + i precincts: every filing is a new precinct."""
    delays: list[float] = []
    unseen = 0
    probe = sorted(night.probe)
    for rank, (accepted_at, _) in enumerate(sorted(night.accepted), start=1):
        seen = next((t for t, counted in probe if counted >= base_counted + rank and t >= accepted_at - 60), None)
        if seen is None:
            unseen += 1
        else:
            delays.append(max(0.0, seen - accepted_at))
    return delays, unseen


def _night_report(label: str, night: _Night, lost: dict[str, int], base_counted: int) -> dict[str, Any]:
    measured = [s for s in night.samples if night.measuring_from <= s.started <= night.measuring_to]
    kinds = sorted({s.kind for s in measured})
    viewers = [s for s in measured if s.kind in ("live fragment", "results API", "results page")]
    served_by_cache = sum(1 for s in viewers if s.cache in ("HIT", "STALE", "UPDATING"))
    statuses: dict[str, int] = {}
    for s in viewers:
        statuses[s.cache] = statuses.get(s.cache, 0) + 1
    delays, unseen = _staleness(night, base_counted)
    report = {
        "label": label,
        "requests": len(measured),
        "rps": len(measured) / max(1e-9, night.measuring_to - night.measuring_from),
        "p95_ms": {k: _percentile([s.ms for s in measured if s.kind == k], 0.95) for k in kinds},
        "p50_ms": {k: _percentile([s.ms for s in measured if s.kind == k], 0.5) for k in kinds},
        "count": {k: sum(1 for s in measured if s.kind == k) for k in kinds},
        "cache_hit_ratio": served_by_cache / len(viewers) if viewers else 0.0,
        "cache_statuses": statuses,
        "staleness_p95_s": _percentile(delays, 0.95),
        "staleness_max_s": max(delays) if delays else float("nan"),
        "not_visible": unseen,
        "filed": len(night.filed),
        "accepted": len(night.accepted),
        "lost": lost,
        "errors": len(night.errors),
        "error_samples": night.errors[:8],
    }
    print(f"\n== {label}: {report['requests']} requests in {night.measuring_to - night.measuring_from:.0f} s, "
          f"{report['rps']:.1f} req/s, errors {report['errors']}")  # fmt: skip
    for kind in kinds:
        print(f"   {kind:16} n={report['count'][kind]:6}  p50={report['p50_ms'][kind]:7.1f} ms  "
              f"p95={report['p95_ms'][kind]:7.1f} ms")  # fmt: skip
    print(f"   viewers' requests served by the cache: {100 * report['cache_hit_ratio']:.1f}% {statuses}")
    print(f"   staleness of the public result: p95 {report['staleness_p95_s']:.1f} s, max "
          f"{report['staleness_max_s']:.1f} s over {len(delays)} acceptances "
          f"({unseen} not yet visible at the end)")  # fmt: skip
    print(f"   protocols filed {report['filed']}, answered accepted {report['accepted']}, in the database: {lost}")
    for error in report["error_samples"]:
        print(f"   error: {error}")
    return report


def _night_lost(env: dict[str, str], filed: list[str], accepted: list[str]) -> dict[str, int]:
    check = Path(tempfile.mkstemp(suffix=".json")[1])
    check.write_text(json.dumps({"filed": filed, "accepted": accepted}))
    code = (
        "import json, django; django.setup()\n"
        "from atazan.referendum.models import ProtocolVersion\n"
        f"data = json.load(open({str(check)!r}))\n"
        "found = set(ProtocolVersion.objects.filter(precinct__number__in=data['filed'], is_current=True)"
        ".values_list('precinct__number', flat=True))\n"
        "print(json.dumps({'filed_in_db': len(found), 'accepted_missing': len(set(data['accepted']) - found)}))\n"
    )
    out = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True)
    check.unlink()
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _stack_module() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("atazan_deploy_stack", ROOT / "deploy" / "stack.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _counted(url: str) -> int:
    with urllib.request.urlopen(f"{url}/api/referendum/questions/{SLUG}/result", timeout=60) as response:  # noqa: S310
        return int(json.loads(response.read())["precincts_counted"])


def night_main(args: argparse.Namespace) -> None:
    import asyncio

    stack_py = _stack_module()
    if stack_py.nginx_binary() is None:
        sys.exit("nginx is not installed: `make nginx` (or `make stack`) installs Debian's package")
    with tempfile.TemporaryDirectory(prefix="atazan-night-") as tmp_name:
        tmp = Path(tmp_name)
        stack = stack_py.Stack(
            directory=tmp / "stack",
            listen=f"127.0.0.1:{args.port}",
            app_ports=(args.port + 1, args.port + 2),
            app_workers=args.workers,
            database_url=args.database_url,
            redis_url=args.redis_url,
        )
        env = stack_py.app_env(stack)
        stack_py.write_conf(stack)
        stack_py._database_ready(stack, env)
        atazan = str(Path(PYTHON).parent / "atazan")
        phases = {"nginx": f"night-n-{uuid.uuid4().hex[:6]}", "direct": f"night-d-{uuid.uuid4().hex[:6]}"}
        # Small synthetic precincts (10 voters each): the register's total stays under the Republic's plausible
        # electorate (the register refuses more), run after run.
        pool = [f"load-{p}-{k:06d}" for p in phases.values() for k in range(NIGHT_POOL)]
        register = tmp / "register.csv"
        register.write_text("precinct,unit,district,registered\n" + "".join(f"{n},Astana,,10\n" for n in pool))
        subprocess.run([atazan, "referendum", "register", str(register)], env=env, check=True, capture_output=True)
        made = subprocess.run([PYTHON, "-c", NIGHT_OPERATOR_SCRIPT, "night", str(args.operators)], env=env,
                              check=True, capture_output=True, text=True)  # fmt: skip
        operators = json.loads(made.stdout.strip().splitlines()[-1])
        try:
            stack_py.start_apps(stack, env)
            stack_py.start_nginx(stack)
            articles = _article_urls(stack.url)
            print(f"night: {args.viewers} viewers polling every {args.poll:.0f} s, {args.readers} readers, "
                  f"{len(operators)} operators; {args.warmup} s warm-up then {args.seconds} s measured per phase; "
                  f"2 gunicorn instances x {args.workers} workers on {args.database_url}")  # fmt: skip
            reports = []
            for label, targets in (
                ("through nginx (cache)", [("127.0.0.1", args.port)]),
                ("straight to gunicorn (no cache)", [("127.0.0.1", p) for p in stack.app_ports]),
            ):
                phase = phases["nginx" if "nginx" in label else "direct"]
                base = _counted(stack.app_url(stack.app_ports[0]))
                load_before = os.getloadavg()[0]
                night = asyncio.run(_night_run(args, targets, articles, operators, phase, base))
                lost = _night_lost(env, night.filed, [n for _, n in night.accepted])
                report = _night_report(label, night, lost, base)
                report["load_average"] = (load_before, os.getloadavg()[0])
                print(f"   machine load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
                      f"({os.cpu_count()} CPUs, shared with other work)")  # fmt: skip
                reports.append(report)
        finally:
            stack_py.stop(stack)
            if args.logs:  # nginx's access log says, per request, the cache status and the upstream's time
                shutil.copytree(stack.directory / "log", args.logs, dirs_exist_ok=True)
    cached, direct = reports

    def p95(report: dict[str, Any], kind: str) -> float:
        return float(report["p95_ms"].get(kind, float("nan")))

    results_p95 = max(p95(cached, k) for k in ("live fragment", "results API", "results page"))
    print(f"\nratio without/with the cache: results p95 {p95(direct, 'live fragment'):.0f} ms / "
          f"{p95(cached, 'live fragment'):.0f} ms (live fragment), throughput {direct['rps']:.0f} / "
          f"{cached['rps']:.0f} req/s")  # fmt: skip
    lost = cached["lost"]["accepted_missing"]  # acknowledged to the operator, not in the database
    verdict = {
        f"results p95 < 100 ms at {args.viewers} viewers (worst page type: {results_p95:.0f} ms)": results_p95 < 100,
        f">= 95% cache hits ({100 * cached['cache_hit_ratio']:.1f}%)": cached["cache_hit_ratio"] >= 0.95,
        f"staleness < 10 s (max {cached['staleness_max_s']:.1f} s)": cached["staleness_max_s"] < 10
        and cached["not_visible"] == 0,
        "zero lost writes (every protocol acknowledged as accepted is in the database)": lost == 0,
        f"zero errors (protocols filed {cached['filed']}, acknowledged {cached['accepted']})": cached["errors"] == 0
        and cached["accepted"] == cached["filed"],
    }
    for goal, met in verdict.items():
        print(f"   {'met ' if met else 'MISSED'}  {goal}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"cached": cached, "direct": direct}, indent=1, default=str))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--baseline-workers", type=int, default=1)
    parser.add_argument("--port", type=int, default=0, help="8765; night: nginx here, gunicorn on the next two (8780)")
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
    parser.add_argument(
        "--scenario",
        choices=["consultation", "night"],
        default="consultation",
        help="consultation: issue 8's readers, citizens and an operator, 1 worker vs --workers (Locust); night: "
        "referendum night through nginx and straight to two gunicorn instances (make stack's layout)",
    )
    night = parser.add_argument_group("referendum night (--scenario night)")
    night.add_argument("--viewers", type=int, default=500, help="anonymous viewers polling the results")
    night.add_argument("--poll", type=float, default=5.0, help="seconds between a viewer's polls (the page's htmx)")
    night.add_argument("--readers", type=int, default=50, help="citizens reading articles")
    night.add_argument("--operators", type=int, default=20, help="operators filing protocols through the API")
    night.add_argument("--operator-wait", type=float, default=3.0, help="mean seconds between an operator's filings")
    night.add_argument("--instance-workers", type=int, default=2, help="gunicorn workers in each of the 2 instances")
    night.add_argument("--drain", type=float, default=20.0, help="seconds to wait for the last acceptances to show")
    night.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5"))
    night.add_argument("--json-out", default="", help="also write the figures as JSON here")
    night.add_argument("--logs", default="", help="keep the stack's logs (nginx, gunicorn) in this folder")
    night.add_argument("--short", action="store_true", help="a quick check: 10 s warm-up, 20 s measured per phase")
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
    args.port = args.port or (8780 if args.scenario == "night" else 8765)
    if args.scenario == "night":
        if args.short:
            args.warmup, args.seconds = 10, 20
        args.workers = args.instance_workers
        night_main(args)
        return
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
