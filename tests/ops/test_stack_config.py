"""The nginx configuration `make stack` generates (deploy/nginx.conf.template through deploy/stack.py): nginx accepts
it, and in front of a stand-in application it keeps what the application marks public, apart per language, and
never what is personal."""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _stack_module() -> Any:
    spec = importlib.util.spec_from_file_location("atazan_deploy_stack", ROOT / "deploy" / "stack.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


stack_py = _stack_module()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stack(tmp_path: Path, app_ports: tuple[int, ...] = (8101, 8102), listen_port: int = 8080) -> Any:
    return stack_py.Stack(
        directory=tmp_path / "stack",
        listen=f"127.0.0.1:{listen_port}",
        app_ports=app_ports,
        app_workers=1,
        database_url="postgres://postgres@127.0.0.1:5432/unused",
        redis_url="redis://127.0.0.1:6379/5",
    )


def test_the_template_is_filled_in_completely_and_keeps_everything_under_the_stack_folder(tmp_path: Path) -> None:
    stack = _stack(tmp_path)
    text = stack_py.render(stack)
    assert "${" not in text
    assert text.count("server 127.0.0.1:810") == 2  # two application servers
    for line in text.splitlines():
        words = line.split()
        if words and words[0].endswith(("_path", "pid", "error_log", "access_log")):
            assert str(stack.directory) in line, line
    with pytest.raises(KeyError):
        stack_py.render(stack, "pid ${NOT_A_SETTING};")


def _nginx() -> str:
    nginx = stack_py.nginx_binary()
    if nginx is None:  # `make test` installs Debian's nginx, as `make stack` does, so a missing one is a failure
        pytest.fail("nginx is not installed: `make test` (or `make nginx`) installs Debian's nginx package")
    return str(nginx)


def test_nginx_accepts_the_generated_configuration(tmp_path: Path) -> None:
    _nginx()
    stack = _stack(tmp_path)
    stack_py.write_conf(stack)
    result = stack_py.nginx_test(stack)
    assert result.returncode == 0, result.stderr


class _App(BaseHTTPRequestHandler):
    """A stand-in for gunicorn: /public is marked public for 60 s, /private personal; each answer is numbered."""

    served = 0

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        type(self).served += 1
        body = f"{type(self).served} {self.headers.get('Accept-Language', '')}".encode()
        self.send_response(200)
        if self.path == "/public":
            self.send_header("Cache-Control", "public, max-age=60, s-maxage=60")
            self.send_header("ETag", 'W/"v1"')
        else:
            self.send_header("Cache-Control", "private, no-store")
        self.send_header("Vary", "Accept-Language, Cookie")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[str]:
    nginx = _nginx()
    app = ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = _free_port()
    stack = _stack(tmp_path, app_ports=(app.server_address[1],), listen_port=port)
    stack_py.write_conf(stack)
    args = [nginx, "-p", str(stack.directory), "-c", str(stack.conf)]
    subprocess.run(args, check=True)
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([*args, "-s", "stop"], check=False)
        app.shutdown()


def _get(url: str, **headers: str) -> tuple[str, str]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http://127.0.0.1 only
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.headers["X-Cache-Status"], response.read().decode()


def test_the_proxy_caches_public_answers_per_language_and_never_personal_ones(proxy: str) -> None:
    status, ru = _get(proxy + "/public", **{"Accept-Language": "ru"})
    assert status == "MISS"
    assert _get(proxy + "/public", **{"Accept-Language": "ru"}) == ("HIT", ru)
    # the application's "Vary: Cookie" does not split the cache per visitor: a CSRF cookie alone is nobody's page
    assert _get(proxy + "/public", **{"Accept-Language": "ru", "Cookie": "csrftoken=abc"}) == ("HIT", ru)
    status, en = _get(proxy + "/public", **{"Accept-Language": "en"})
    assert status == "MISS" and en.endswith(" en") and en != ru
    # the language cookie decides over the header, as in Django
    status, kk = _get(proxy + "/public", **{"Accept-Language": "ru", "Cookie": "atazan_language=kk"})
    assert status == "MISS"
    assert _get(proxy + "/public", **{"Accept-Language": "en", "Cookie": "atazan_language=kk"}) == ("HIT", kk)
    # a signed-in session or pending messages go to the application and are not stored
    for cookie in ("sessionid=s1", "csrftoken=a; sessionid=s1", "messages=m"):
        status, body = _get(proxy + "/public", **{"Accept-Language": "ru", "Cookie": cookie})
        assert status == "BYPASS" and body != ru
    assert _get(proxy + "/public", **{"Accept-Language": "ru"}) == ("HIT", ru)
    first = _get(proxy + "/private")
    second = _get(proxy + "/private")
    assert first[0] == second[0] == "MISS" and first[1] != second[1]


def test_stack_script_refuses_unknown_commands() -> None:
    assert stack_py.main(["launch"]) == 2  # usage error: the usage text goes to stderr, nothing is started
