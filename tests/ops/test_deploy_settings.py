"""Production settings pass Django's deployment checklist."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys


def test_check_deploy_is_clean_in_production_settings(tmp_path) -> None:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a deployment never has it.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        ATAZAN_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="atazan.example.kz",
        ATAZAN_VAR_DIR=str(tmp_path),
        ATAZAN_IIN_KEY=secrets.token_urlsafe(48),
    )
    env.pop("ATAZAN_LOCAL_IDP", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=dict(env, DJANGO_SETTINGS_MODULE="atazan.settings"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env.update(ATAZAN_ENV="production", ATAZAN_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="atazan.settings")
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_refuses_the_development_iin_key_and_the_local_provider(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "ATAZAN_IIN_KEY")}
    env.update(
        ATAZAN_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        ATAZAN_LOCAL_IDP="1",
        DJANGO_ALLOWED_HOSTS="atazan.example.kz",
        ATAZAN_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy"],
        env=dict(env, DJANGO_SETTINGS_MODULE="atazan.settings"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "atazan.accounts.E001" in result.stderr and "atazan.accounts.E002" in result.stderr
