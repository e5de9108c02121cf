"""Seed the focus areas (platform-owned reference data)."""

from .models import FocusArea, FocusAreaCode


def seed(*, demo: bool, stdout) -> None:  # type: ignore[no-untyped-def]
    created = 0
    for code in FocusAreaCode.values:
        _obj, new = FocusArea.objects.get_or_create(code=code)
        created += int(new)
    stdout.write(f"  focus areas: {created} created")
