"""Tests: fast hashing, in-memory e-mail and cache; the database comes from DATABASE_URL."""

import os

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-with-enough-length-to-satisfy-checks")
os.environ.setdefault("ALLOWED_HOSTS", "*")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from .base import *  # noqa: E402,F403
from .base import BASE_DIR, CACHE_KEY_PREFIX  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
SECURE_HSTS_SECONDS = 0
LOG_FORMAT = "text"
# the lean page cache is off, so that tests see each change at once; its own tests turn it on
OGP_LEAN_CACHE_SECONDS = 0
# per-process copies of stored pages are off too (a test process outlives each test's cache)
OGP_LOCAL_COPIES_BYTES = 0

# issue 15: tasks run in the test process; e-mail retries happen at once (no waiting)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
OGP_MAIL_RETRY_BASE_SECONDS = 0
OGP_OPENDATA_ROOT = BASE_DIR / "var" / "test-opendata"
