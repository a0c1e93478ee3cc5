"""Django settings, all read from the environment (12-factor).

``make demo`` writes a git-ignored ``.env`` with a random ``SECRET_KEY`` and
``DEBUG``; production sets the variables itself. ``SECRETARIAT_HOME`` is the
directory that holds ``.env`` and the default SQLite database (``var/``).
"""

from __future__ import annotations

import os
from pathlib import Path

import environ

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = Path(os.environ.get("SECRETARIAT_HOME", Path.cwd())).resolve()

env = environ.Env()
if (HOME / ".env").is_file():
    env.read_env(HOME / ".env")

DEBUG = env.bool("DEBUG", default=False)
# Required to serve (Django refuses an empty key when it needs one); commands that only read
# files, such as `secretariat charter check`, run without it.
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{HOME / 'var' / 'secretariat.sqlite3'}")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Failed logins are counted here (accounts.throttle): with several server processes, point it at
# a shared cache such as redis://127.0.0.1:6379/1 so that they count together.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "secretariat.audit",
    "secretariat.organizations",
    "secretariat.accounts",
    "secretariat.documents",
    "secretariat.meetings",
    "secretariat.decisions",
    "secretariat.followup",
    "secretariat.signatures",
    "secretariat.charters",
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
]

ROOT_URLCONF = "secretariat.config.urls"
WSGI_APPLICATION = "secretariat.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="UTC")

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Where `collectstatic` gathers assets for a production server; unset, WhiteNoise serves them
# from the installed packages (see WHITENOISE_USE_FINDERS below).
STATIC_ROOT = env.str("STATIC_ROOT", default="") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve the app's own assets straight from the installed packages: no collectstatic step and no
# CDN, so the demo works from a clean clone and nothing reaches the network.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

#: Where the shipped charter and record files live (the repository root in a checkout).
SECRETARIAT_DATA_DIR = env.path("SECRETARIAT_DATA_DIR", default=PACKAGE_DIR.parent.parent)
#: The organization shown at the site root.
SECRETARIAT_DEFAULT_ORGANIZATION = env.str("SECRETARIAT_DEFAULT_ORGANIZATION", default="csto")

# Background tasks (django-tasks, Django 6's framework backported): a written or silence
# procedure enqueues its own closing to run at its deadline. By default the queue is a table of
# this database, run by `secretariat db_worker`; where no worker runs, `secretariat tick` from
# cron closes the same procedures (either way a procedure is closed once). TASKS_BACKEND may name
# another backend, e.g. django_tasks.backends.dummy.DummyBackend, which runs nothing.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
X_FRAME_OPTIONS = "DENY"
