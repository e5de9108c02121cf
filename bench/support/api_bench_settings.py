"""Production settings plus one bare Django view, the floor the API is compared with."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "api_bench_urls"
