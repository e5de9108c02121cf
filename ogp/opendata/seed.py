"""`manage.py seed`: build the data packages once, so the open data page is not empty."""

from .services import datapackages_build_all


def seed(*, demo: bool, stdout) -> None:  # type: ignore[no-untyped-def]
    stdout.write(f"  {datapackages_build_all()} data package(s) built")
