"""Deployment checks of our own (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):  # type: ignore[no-untyped-def]
    """Rate limits and the used-TOTP-code markers hold only if every worker sees the same cache."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    workers = int(getattr(settings, "WEB_CONCURRENCY", 0) or 0)
    if workers == 1:
        return []
    return [
        Error(
            f"The default cache ({backend}) is private to each process, but "
            f"{'WEB_CONCURRENCY is not set' if not workers else f'{workers} workers run'}: "
            "every rate limit would multiply by the number of workers and a used two-factor "
            "code could be replayed once per worker.",
            hint="Use the database cache (the default without REDIS_URL) or set REDIS_URL; "
            "a per-process cache is only accepted with WEB_CONCURRENCY=1.",
            id="ogp.E001",
        )
    ]
