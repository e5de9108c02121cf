"""`manage.py seed`: index what the apps before this one have seeded (some use bulk writes)."""

from .registry import reindex_all


def seed(*, demo: bool, stdout) -> None:  # type: ignore[no-untyped-def]
    count = reindex_all()
    stdout.write(f"  search index rebuilt ({count} documents)")
