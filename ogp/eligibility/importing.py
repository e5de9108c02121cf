"""Import publisher files from a folder, and download them (used by commands and seeding)."""

from __future__ import annotations

import datetime
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings

from . import services
from .models import DatasetKind

# Files of the shared data folder and their provenance as documented in its README
# (see docs/eligibility.md). Publication dates: V-Dem v14 "March 2024" (day unknown: estimated);
# OBS 2019 public-availability file changed in the IBP explorer on 2020-04-27; the EIU
# compilation committed by Our World in Data on 2023-03-10; the RTI Rating table retrieved on
# 2026-06-18 (status of June 2026); the Global Data Barometer's 1st edition appeared in 2022.
KNOWN_FILES: dict[str, dict[str, Any]] = {
    "country_codes_crosswalk.csv": {
        "kind": DatasetKind.CROSSWALK,
        "edition": "countrycode 1.8.0",
        "source_url": "https://github.com/vincentarelbundock/countrycode",
    },
    "vdem_v14_civil_society_1970_2023.csv": {
        "kind": DatasetKind.VDEM,
        "edition": "v14",
        "publisher": "V-Dem Institute",
        "published_on": datetime.date(2024, 3, 1),
        "published_on_estimated": True,
        "source_url": "https://doi.org/10.23696/mcwt-fr58",
    },
    "obs_public_availability_2006_2019.csv": {
        "kind": DatasetKind.OBS,
        "edition": "2006–2019",
        "publisher": "International Budget Partnership",
        "published_on": datetime.date(2020, 4, 27),
        "source_url": "https://github.com/okfn/ibp-explorer",
    },
    "eiu_democracy_index_components_2006_2022.csv": {
        "kind": DatasetKind.EIU,
        "edition": "2006–2022",
        "publisher": "Economist Intelligence Unit (compiled by Our World in Data)",
        "published_on": datetime.date(2023, 3, 10),
        "source_url": "https://github.com/owid/notebooks",
    },
    "rti_rating_country_data_2026-06.csv": {
        "kind": DatasetKind.RTI,
        "edition": "country data, June 2026",
        "publisher": "Access Info Europe and Centre for Law and Democracy (RTI Rating)",
        "published_on": datetime.date(2026, 6, 18),
        "published_on_estimated": True,
        "source_url": "https://www.rti-rating.org/country-data/",
    },
    "gdb2021_asset_declarations.csv": {
        "kind": DatasetKind.GDB,
        "edition": "1st edition (research period 2019–2021)",
        "publisher": "Global Data Barometer",
        "published_on": datetime.date(2022, 5, 1),
        "published_on_estimated": True,
        "source_url": "https://globaldatabarometer.org/",
    },
}
# Crosswalk first: it teaches the matcher name variants and V-Dem ids.
ORDER: list[str] = [
    DatasetKind.CROSSWALK,
    DatasetKind.RESEARCH,
    DatasetKind.OBS,
    DatasetKind.EIU,
    DatasetKind.VDEM,
    DatasetKind.RTI,
    DatasetKind.GDB,
]


def candidate_files(folder: Path) -> list[tuple[Path, str]]:
    """CSV files (and .xlsx workbooks) in ``folder``, recursively, in a supported format."""
    found = []
    paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".csv", ".xlsx"))
    for path in paths:
        with path.open("rb") as fh:
            kind = services.detect_kind(fh.read(4096))
        if kind is not None:
            found.append((path, kind))
    found.sort(key=lambda pk: ORDER.index(pk[1]))
    return found


def import_paths(paths: Iterable[Path], *, acting_user: Any = None) -> list[tuple[Any, bool]]:
    out = []
    for path in paths:
        meta = dict(KNOWN_FILES.get(path.name, {}))
        out.append(
            services.release_import(
                acting_user=acting_user,
                data=path.read_bytes(),
                file_name=path.name,
                kind=meta.pop("kind", None),
                **meta,
            )
        )
    return out


def import_folder(folder: Path, *, acting_user: Any = None) -> list[tuple[Any, bool]]:
    return import_paths([p for p, _k in candidate_files(folder)], acting_user=acting_user)


def download(urls: dict[str, str], target: Path, timeout: float = 60) -> list[Path]:
    """Fetch each URL to ``target/<file name>``; returns the written paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, url in urls.items():
        if not url.startswith(("https://", "http://")):
            raise ValueError(url)
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            data = response.read()
        path = target / Path(name).name
        path.write_bytes(data)
        written.append(path)
    return written


def configured_urls() -> dict[str, str]:
    return dict(getattr(settings, "OGP_ELIGIBILITY_SOURCE_URLS", {}) or {})
