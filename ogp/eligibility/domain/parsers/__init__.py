"""Parsers for the publishers' file formats. Pure: bytes in, rows out, or ImportFileError."""

from .common import (
    CountryMatcher,
    ImportFileError,
    Observation,
    ParseResult,
    ResearchRow,
    UnmatchedRow,
)
from .crosswalk import CrosswalkRow, parse_crosswalk
from .eiu import parse_eiu
from .gdb import parse_gdb
from .obs import parse_obs
from .research import parse_research
from .rti import parse_rti
from .vdem import parse_vdem

__all__ = [
    "CountryMatcher",
    "CrosswalkRow",
    "ImportFileError",
    "Observation",
    "ParseResult",
    "ResearchRow",
    "UnmatchedRow",
    "parse_crosswalk",
    "parse_eiu",
    "parse_gdb",
    "parse_obs",
    "parse_research",
    "parse_rti",
    "parse_vdem",
]
