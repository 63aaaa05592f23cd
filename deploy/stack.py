"""The referendum-night stack on one machine: nginx (a caching reverse proxy) in front of two gunicorn instances of
atazan on one PostgreSQL database, with Redis as the shared cache. Everything runs as the current user; the
configuration, pid files, logs, temporary files and the cache live under var/stack/.

    python deploy/stack.py conf      # write var/stack/nginx.conf from deploy/nginx.conf.template
    python deploy/stack.py start     # database (created and loaded with the demo when missing), app servers, nginx
    python deploy/stack.py stop
    python deploy/stack.py status

Settings from the environment (defaults in brackets):
    DATABASE_URL        [postgres://postgres@127.0.0.1:5432/atazan_stack]
    REDIS_URL           [redis://127.0.0.1:6379/5]
    ATAZAN_STACK_DIR    [var/stack]
    ATAZAN_STACK_PORT   [8080] nginx listens on 127.0.0.1 at this port (ATAZAN_STACK_LISTEN for another address)
    ATAZAN_APP_PORTS    [8101,8102] one gunicorn instance per port
    ATAZAN_APP_WORKERS  [2] worker processes per instance (4 threads each)

Exit codes: 0 done, 1 something did not start (its log is named), 2 unusable input (no nginx, bad settings).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Stack:
    directory: Path
    listen: str
    app_ports: tuple[int, ...]
    app_workers: int
    database_url: str
    redis_url: str
    nginx_workers: int = 2

    @property
    def conf(self) -> Path:
        return self.directory / "nginx.conf"

    @property
    def url(self) -> str:
        host, _, port = self.listen.rpartition(":")
        return f"http://{host or '127.0.0.1'}:{port}"

    def app_url(self, port: int) -> str:
        return f"http://127.0.0.1:{port}"


def stack_from_env(env: dict[str, str] | None = None) -> Stack:
    env = dict(os.environ if env is None else env)
    directory = Path(env.get("ATAZAN_STACK_DIR", str(ROOT / "var" / "stack"))).resolve()
    port = env.get("ATAZAN_STACK_PORT", "8080")
    return Stack(
        directory=directory,
        listen=env.get("ATAZAN_STACK_LISTEN", f"127.0.0.1:{port}"),
        app_ports=tuple(int(p) for p in env.get("ATAZAN_APP_PORTS", "8101,8102").split(",") if p.strip()),
        app_workers=int(env.get("ATAZAN_APP_WORKERS", "2")),
        database_url=env.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/atazan_stack"),
        redis_url=env.get("REDIS_URL", "redis://127.0.0.1:6379/5"),
    )


def render(stack: Stack, template: str | None = None) -> str:
    """The nginx configuration for `stack`: every ${NAME} of the template filled in (an unknown name is an error)."""
    values = {
        "STACK_DIR": str(stack.directory),
        "LISTEN": stack.listen,
        "NGINX_WORKERS": str(stack.nginx_workers),
        # Started by root, nginx would run its workers as nobody, who cannot write to a private folder; started by
        # anyone else it runs them as that user (the directive is then refused with a warning, so it is left out).
        "USER_DIRECTIVE": "user root;\n" if os.geteuid() == 0 else "",
        "UPSTREAM_SERVERS": "\n".join(
            f"        server 127.0.0.1:{port} max_fails=3 fail_timeout=5s;" for port in stack.app_ports
        ),
        "SESSION_COOKIE": "sessionid",  # Django's SESSION_COOKIE_NAME (web.http_cache.PERSONAL_COOKIES)
        "LANGUAGE_COOKIE": "atazan_language",  # settings.LANGUAGE_COOKIE_NAME
    }
    text = TEMPLATE.read_text(encoding="utf-8") if template is None else template

    def fill(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise KeyError(f"{TEMPLATE.name}: no value for ${{{match.group(1)}}}")
        return values[match.group(1)]

    return re.sub(r"\$\{([A-Z_]+)\}", fill, text)


def write_conf(stack: Stack) -> Path:
    for sub in ("log", "tmp", "cache", "run", "var"):
        (stack.directory / sub).mkdir(parents=True, exist_ok=True)
    stack.conf.write_text(render(stack), encoding="utf-8")
    return stack.conf


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


def nginx_test(stack: Stack) -> subprocess.CompletedProcess[str]:
    nginx = nginx_binary()
    if nginx is None:
        raise FileNotFoundError("nginx is not installed (make stack installs Debian's package)")
    return subprocess.run(
        [nginx, "-t", "-q", "-p", str(stack.directory), "-c", str(stack.conf)], capture_output=True, text=True
    )


def app_env(stack: Stack) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=stack.database_url,
        REDIS_URL=stack.redis_url,
        ATAZAN_VAR_DIR=str(stack.directory / "var"),
        DJANGO_DEBUG="0",
        DJANGO_SETTINGS_MODULE="atazan.settings",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _database_ready(stack: Stack, env: dict[str, str]) -> None:
    """Create the database when missing and load the demo into it; migrate it in any case."""
    if not stack.database_url.startswith("postgres"):
        raise SystemExit("the stack runs on PostgreSQL: DATABASE_URL=postgres://...")
    name = stack.database_url.rsplit("/", 1)[-1]
    base = stack.database_url.rsplit("/", 1)[0] + "/postgres"
    # the name goes in as a psql variable, quoted by psql (:'name' a literal, :"name" an identifier)
    psql = ["psql", base, "-tAq", "-v", f"name={name}"]
    exists = subprocess.run(
        psql, input="SELECT 1 FROM pg_database WHERE datname = :'name';", capture_output=True, text=True
    )
    if exists.returncode != 0:
        raise SystemExit(f"PostgreSQL does not answer at {base}: {exists.stderr.strip()}")
    atazan = str(BIN / "atazan")
    if exists.stdout.strip() != "1":
        subprocess.run(psql, input='CREATE DATABASE :"name";', text=True, check=True)
        print(f"created database {name}; loading the demo into it (minutes) …", flush=True)
        subprocess.run([atazan, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([atazan, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)


def _pid(path: Path) -> int | None:
    try:
        pid = int(path.read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def _wait_up(url: str, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=5) as response:  # noqa: S310 - our own server
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def start_apps(stack: Stack, env: dict[str, str]) -> None:
    for index, port in enumerate(stack.app_ports, start=1):
        pidfile = stack.directory / "run" / f"app-{index}.pid"
        if _pid(pidfile):
            continue
        log = (stack.directory / "log" / f"app-{index}.log").open("ab")
        # `atazan serve` execs gunicorn: the server a deployment runs; its own session so stop ends all its workers
        process = subprocess.Popen(
            [str(BIN / "atazan"), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers",
             str(stack.app_workers)],
            env=env, cwd=stack.directory, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        pidfile.write_text(str(process.pid))
    for index, port in enumerate(stack.app_ports, start=1):
        if not _wait_up(stack.app_url(port)):
            raise SystemExit(f"app server {index} on port {port} did not come up: see {stack.directory}/log/")


def start_nginx(stack: Stack) -> None:
    nginx = nginx_binary()
    if nginx is None:
        print("nginx is not installed: `make stack` installs Debian's package", file=sys.stderr)
        raise SystemExit(2)
    write_conf(stack)
    test = nginx_test(stack)
    if test.returncode != 0:
        print(test.stderr, file=sys.stderr)
        raise SystemExit(2)
    if _pid(stack.directory / "nginx.pid"):
        subprocess.run([nginx, "-p", str(stack.directory), "-c", str(stack.conf), "-s", "reload"], check=True)
    else:
        subprocess.run([nginx, "-p", str(stack.directory), "-c", str(stack.conf)], check=True)
    if not _wait_up(stack.url, timeout=30):
        raise SystemExit(f"nginx did not answer at {stack.url}: see {stack.directory}/log/nginx-error.log")


def start(stack: Stack) -> None:
    env = app_env(stack)
    _database_ready(stack, env)
    write_conf(stack)
    start_apps(stack, env)
    start_nginx(stack)
    print(
        f"stack up: {stack.url} (nginx, cache in {stack.directory}/cache) -> "
        + ", ".join(stack.app_url(p) for p in stack.app_ports)
        + f" (gunicorn, {stack.app_workers} workers each) on {stack.database_url}, Redis {stack.redis_url}"
    )


def stop(stack: Stack) -> None:
    nginx = nginx_binary()
    if nginx and _pid(stack.directory / "nginx.pid") and stack.conf.exists():
        subprocess.run([nginx, "-p", str(stack.directory), "-c", str(stack.conf), "-s", "quit"], check=False)
    for pidfile in sorted((stack.directory / "run").glob("app-*.pid")):
        pid = _pid(pidfile)
        if pid:
            os.killpg(pid, signal.SIGTERM)  # the instance's own session: its arbiter and workers
            for _ in range(100):
                if _pid(pidfile) is None:
                    break
                time.sleep(0.1)
        pidfile.unlink(missing_ok=True)
    print("stack stopped")


def status(stack: Stack) -> int:
    up = True
    for index, port in enumerate(stack.app_ports, start=1):
        alive = _pid(stack.directory / "run" / f"app-{index}.pid") is not None
        up &= alive
        print(f"app {index} ({stack.app_url(port)}): {'running' if alive else 'stopped'}")
    alive = _pid(stack.directory / "nginx.pid") is not None
    print(f"nginx ({stack.url}): {'running' if alive else 'stopped'}")
    return 0 if up and alive else 1


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in {"conf", "start", "stop", "status"}:
        print(__doc__, file=sys.stderr)
        return 2
    stack = stack_from_env()
    if argv[0] == "conf":
        print(write_conf(stack))
        return 0
    if argv[0] == "start":
        start(stack)
        return 0
    if argv[0] == "stop":
        stop(stack)
        return 0
    return status(stack)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
