"""The WSGI module loads the views before the first request and freezes what it loaded out of
the garbage collector's reach (config/wsgi.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHECK = (
    "import gc, sys, config.wsgi; "
    "print(gc.get_freeze_count(), 'ogp.api.views' in sys.modules, 'ogp.plans.views' in sys.modules)"
)


def test_the_wsgi_module_loads_the_views_and_freezes_them():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    frozen, api_loaded, pages_loaded = done.stdout.split()
    assert int(frozen) > 50_000
    assert api_loaded == pages_loaded == "True"
