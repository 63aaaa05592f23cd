"""Django settings, all from the environment.

ATAZAN_VAR_DIR   where the SQLite database and other run-time files live (default: ./var)
DATABASE_URL     e.g. postgres://postgres@127.0.0.1:5432/atazan; SQLite under ATAZAN_VAR_DIR when unset
DJANGO_DEBUG     "1" for development pages and errors (default on for the demo, off when ATAZAN_ENV=production)
DJANGO_SECRET_KEY required when ATAZAN_ENV=production
REDIS_URL        when set, the cache uses Redis
ATAZAN_CONSTITUTION_DIR  read the official constitutional texts from this folder instead of the packaged copy
ATAZAN_COMMISSION_RULES  YAML with the Constitutional Commission's composition and voting rules (see commission/)
ATAZAN_IIN_KEY   key of the keyed hash under which IINs are stored (required in production)
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("ATAZAN_VAR_DIR", Path.cwd() / "var")).resolve()
ENV = os.environ.get("ATAZAN_ENV", "development")
PRODUCTION = ENV == "production"

DEBUG = os.environ.get("DJANGO_DEBUG", "0" if PRODUCTION else "1") == "1"
if PRODUCTION:
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "atazan-development-key-not-for-production")
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

from atazan.contexts import CONTEXT_NAMES  # noqa: E402  (after the env is read; imports nothing of Django's apps)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "atazan.web",
    *(f"atazan.{name}" for name in CONTEXT_NAMES),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "atazan.web.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "atazan.urls"
WSGI_APPLICATION = "atazan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "atazan.web.context_processors.navigation",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'atazan.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work together; the busy timeout rides out short write bursts.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "atazan"}}
# Heavy results computed once per version of their data (the referendum's forensics) and shared by every process:
# Redis when configured (several machines), else files under the var directory (every process of one machine).
CACHES["computed"] = (
    {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "computed",
        "TIMEOUT": None,
    }
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
)
# Background work goes through Django's task framework; the database backend needs nothing more to run
# (`atazan worker`), and is what the demo and the tests use.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

# The interface speaks the state language, the language of interethnic communication and English
# (Constitution 2026, Art. 9). Legal texts have their own language, chosen per page.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "atazan_language"
# The shell (web, accounts, audit, navigation) keeps its catalogue here; each context keeps its own locale/.
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

# Email (notifications, consultation/notifications.py): the demo writes each message as a file under var/mail/ (the
# "outbox" a person or a browser test reads); production sends by SMTP with EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD, EMAIL_USE_TLS from the environment. ATAZAN_SITE_URL is the address the links in a message use.
EMAIL_BACKEND = os.environ.get(
    "ATAZAN_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("ATAZAN_MAIL_DIR", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "atazan <noreply@localhost>")
ATAZAN_SITE_URL = os.environ.get("ATAZAN_SITE_URL", "http://127.0.0.1:8000")

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": VAR_DIR / "media"}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads it to send the token header
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ATAZAN_LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 50

ATAZAN_CONSTITUTION_DIR = os.environ.get("ATAZAN_CONSTITUTION_DIR", "")

# --- accounts: IIN hashing, sign-in throttling, OpenID Connect (see docs/security.md) ---------------------------------
# IINs are stored only as HMAC-SHA256 under this key; `check --deploy` refuses the public development default.
IIN_HASH_KEY = os.environ.get("ATAZAN_IIN_KEY", "atazan-development-iin-key")
# Django's ModelBackend, refusing sign-in while a user name is locked out from an address (failures per both).
AUTHENTICATION_BACKENDS = ["atazan.accounts.backends.ThrottledModelBackend"]
# The development identity provider (django-oauth-toolkit with OpenID Connect) at /accounts/local-idp/: on in DEBUG or
# with ATAZAN_LOCAL_IDP=1; its tables always exist so that switching it on needs no migration.
ATAZAN_LOCAL_IDP = os.environ.get("ATAZAN_LOCAL_IDP", "1" if DEBUG else "0") == "1"
INSTALLED_APPS.append("oauth2_provider")
# The government identity provider: set ATAZAN_OIDC_ISSUER and its endpoints, client id and secret to switch it on.
# Without it, and with the local provider on, sign-in through OpenID Connect goes to the local provider.
from atazan.accounts.conf import oidc_settings  # noqa: E402  (reads only the environment)

_oidc = oidc_settings(os.environ, local_idp=ATAZAN_LOCAL_IDP, var_dir=VAR_DIR)
OIDC_ENABLED = _oidc.enabled
OIDC_ISSUER = _oidc.issuer
OIDC_IIN_CLAIM = _oidc.iin_claim
OIDC_RP_CLIENT_ID = _oidc.client_id
OIDC_RP_CLIENT_SECRET = _oidc.client_secret
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid profile"
OIDC_USE_PKCE = True
OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc.authorization_endpoint
OIDC_OP_TOKEN_ENDPOINT = _oidc.token_endpoint
OIDC_OP_USER_ENDPOINT = _oidc.userinfo_endpoint
OIDC_OP_JWKS_ENDPOINT = _oidc.jwks_endpoint
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"
OIDC_CREATE_USER = True
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?failed=oidc"  # a path: mozilla-django-oidc does not reverse it
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("atazan.accounts.oidc.IinOidcBackend")
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": _oidc.local_idp_private_key,
    "OIDC_ISS_ENDPOINT": _oidc.local_idp_issuer,
    "PKCE_REQUIRED": True,
    "SCOPES": {"openid": "OpenID Connect", "profile": "Name and identification number"},
    "OAUTH2_VALIDATOR_CLASS": "atazan.accounts.local_idp.LocalIdpValidator",
    # OAuth 2.0 Security BCP (RFC 9700) enforced, as django-oauth-toolkit 4 will by default.
    **{
        f"COMPLIANT_BCP_RFC9700_{gate}": True
        for gate in (
            "IMPLICIT_GRANT",
            "PASSWORD_GRANT",
            "PKCE_METHOD",
            "ACCESS_TOKEN_TRANSPORT",
            "AUTHZ_RESPONSE_ISS",
            "TOKEN_STORAGE",
            "REFRESH_TOKEN",
            "REDIRECT_URI_SCHEME",
            "REDIRECT_URI_MATCHING",
            "PKCE_REQUIRED",
        )
    },
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"] if PRODUCTION else ["http", "https"],
}
