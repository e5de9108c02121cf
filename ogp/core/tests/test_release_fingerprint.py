"""Every cache key carries the release's fingerprint: an upgrade never serves pages stored by the
release before it, and every host of one release shares one cache."""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from config.release import release_fingerprint


def _tree(root: Path, template: str = "<p>old</p>") -> Path:
    (root / "ogp" / "core" / "templates").mkdir(parents=True)
    (root / "ogp" / "core" / "tests").mkdir()
    (root / "ogp" / "core" / "views.py").write_text("def page(): ...\n")
    (root / "ogp" / "core" / "templates" / "page.html").write_text(template)
    (root / "ogp" / "core" / "tests" / "test_page.py").write_text("def test(): ...\n")
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n')
    return root


def test_the_same_files_give_the_same_fingerprint_wherever_they_lie(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OGP_RELEASE", raising=False)
    one = release_fingerprint(_tree(tmp_path / "host-a"))
    two = release_fingerprint(_tree(tmp_path / "host-b"))
    assert one == two and len(one) == 12


def test_a_changed_template_or_module_is_a_new_release(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OGP_RELEASE", raising=False)
    base = release_fingerprint(_tree(tmp_path / "a"))
    assert release_fingerprint(_tree(tmp_path / "b", template="<p>new</p>")) != base
    changed = _tree(tmp_path / "c")
    (changed / "ogp" / "core" / "views.py").write_text("def page(): return 1\n")
    assert release_fingerprint(changed) != base


def test_tests_and_compiled_files_do_not_count(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OGP_RELEASE", raising=False)
    root = _tree(tmp_path / "a")
    base = release_fingerprint(root)
    (root / "ogp" / "core" / "tests" / "test_page.py").write_text("def test(): assert 1\n")
    (root / "ogp" / "core" / "__pycache__").mkdir()
    (root / "ogp" / "core" / "__pycache__" / "views.cpython-311.pyc").write_bytes(b"\0")
    assert release_fingerprint(root) == base


def test_a_named_release_skips_the_hashing(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OGP_RELEASE", "v2026.12.3")
    assert release_fingerprint(tmp_path) == "v2026.12.3"


def test_cache_keys_start_with_the_release() -> None:
    assert settings.OGP_RELEASE in settings.CACHES["default"]["KEY_PREFIX"]
    assert cache.make_key("page").startswith(settings.CACHES["default"]["KEY_PREFIX"])
