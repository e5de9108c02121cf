"""The results checksum hashes the same bytes however it is assembled: published cycles keep
their checksums (compute.checksum_of joins rows encoded once; compute.checksum is the formula
every published cycle was hashed with)."""

import hashlib
import json

from ogp.eligibility import compute

ROWS = [
    {"iso3": "FRA", "total": 12, "criteria": [{"code": "x", "points": 4, "raw": "a, b: c"}]},
    {"iso3": "CIV", "label": "Côte d’Ivoire – 2006–2019", "share": 0.1 + 0.2, "values": [1e-05]},
    {"iso3": "AFG", "z": None, "a": True, "nested": {"b": 1, "a": [1.5, "x"]}},
]


def _as_published(dicts: list[dict]) -> str:
    payload = json.dumps(
        sorted(dicts, key=lambda d: str(d["iso3"])), sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def test_checksum_is_the_published_formula():
    assert compute.checksum([], ROWS) == _as_published(ROWS)


def test_rows_encoded_once_hash_the_same_bytes_in_any_order():
    pairs = [(str(d["iso3"]), compute.canonical_json(d)) for d in ROWS]
    assert compute.checksum_of(pairs) == _as_published(ROWS)
    assert compute.checksum_of(list(reversed(pairs))) == _as_published(ROWS)


def test_no_rows():
    assert compute.checksum_of([]) == _as_published([])
