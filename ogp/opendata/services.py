"""Building the data packages: CSV and JSON per resource and a Frictionless datapackage.json
(Table Schema, licence, sources, SHA-256 of every file), written next to each other and swapped
in at once so a reader never sees half a package."""

import datetime
import hashlib
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django_tasks import task

from ogp.core.spreadsheets import csv_writer

from .datasets import Package, Resource
from .packages import PACKAGES, PACKAGES_BY_NAME

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def root() -> Path:
    return Path(settings.OGP_OPENDATA_ROOT)


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def _write(folder: Path, name: str, data: bytes) -> dict[str, Any]:
    (folder / name).write_bytes(data)
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _resource_files(folder: Path, res: Resource) -> list[dict[str, Any]]:
    rows = list(res.rows())
    names = [name for name, _type in res.fields]
    text = io.StringIO()
    # formula starts neutralised as in every export (ogp/core/spreadsheets.py)
    writer = csv_writer(text, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in names])
    described = dict(res.descriptions)
    schema: dict[str, Any] = {
        "fields": [
            {"name": n, "type": t, **({"description": described[n]} if n in described else {})}
            for n, t in res.fields
        ]
    }
    if res.primary_key:
        schema["primaryKey"] = list(res.primary_key)
    csv_meta = _write(folder, f"{res.name}.csv", text.getvalue().encode("utf-8"))
    json_bytes = json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()
    json_meta = _write(folder, f"{res.name}.json", json_bytes)
    return [
        {
            "name": res.name,
            "title": res.title,
            "path": f"{res.name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "schema": schema,
            **csv_meta,
        },
        {
            "name": f"{res.name}-json",
            "title": res.title,
            "path": f"{res.name}.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            **json_meta,
        },
    ]


def datapackage_build(name: str) -> dict[str, Any]:
    """Build one package; returns its datapackage.json content."""
    package: Package = PACKAGES_BY_NAME[name]
    root().mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root()))
    try:
        resources = []
        for res in package.resources:
            resources += _resource_files(staging, res)
        descriptor = {
            "profile": "tabular-data-package",
            "name": f"ogp-{package.name}",
            "title": package.title,
            "description": package.description,
            "homepage": f"{settings.SITE_URL}/opendata/{package.name}/",
            "version": timezone.now().strftime("%Y.%m.%d.%H%M%S"),
            "created": timezone.now().isoformat(timespec="seconds"),
            "licenses": [LICENSE],
            "sources": [{"title": "OGP platform", "path": settings.SITE_URL}, *package.sources],
            "resources": resources,
        }
        (staging / "datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        final = root() / package.name
        previous = root() / f".{package.name}-old"
        shutil.rmtree(previous, ignore_errors=True)
        if final.exists():
            final.rename(previous)
        staging.rename(final)
        shutil.rmtree(previous, ignore_errors=True)
        return descriptor
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def datapackages_build_all() -> int:
    for package in PACKAGES:
        datapackage_build(package.name)
    return len(PACKAGES)


@task()
def build_package(name: str) -> str:
    datapackage_build(name)
    return name


def descriptor(name: str) -> dict[str, Any] | None:
    path = root() / name / "datapackage.json"
    if name not in PACKAGES_BY_NAME or not path.is_file():
        return None
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result
