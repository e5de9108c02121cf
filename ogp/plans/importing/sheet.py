"""Parse OGP's commitments & IRM data sheet (171 columns) into plain rows. No Django.

Every column belongs to one family below; the header must hold all of them (in any order).
Errors name the file, the line (of the CSV file, counting the header as line 1; a quoted cell
may span several lines, the record's first line is given), the column and the reason. One error
anywhere means nothing is written (the loader checks ``errors`` first).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from ogp.plans.domain.scales import CodedValue, CodeState, ScaleVersion, version_for_year
from ogp.plans.domain.sheetdates import Precision, SheetDate, SheetDateError, parse_sheet_date

from .columns import (  # noqa: F401  (re-exported: the sheet's vocabulary)
    ALL_COLUMNS,
    CODED,
    DATES,
    EMPTY_TEXT,
    FAMILIES,
    FLOAT_NOISE_RE,
    IDENTIFIER_RE,
    IDENTITY,
    INSTITUTIONS,
    IRM_FACTS,
    NO_VALUE,
    NOT_APPLICABLE,
    NUMBER_RE,
    OGP_FLAGS,
    PLACE,
    PLACE_CODE_RE,
    PLAN,
    PLAN_ID_RE,
    TAGS,
    TEXT,
    _coded_columns,
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold().replace("&", " and ")).strip("-")


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogue (extracted by makemessages); the loader translates."""
    return message


@dataclass(frozen=True)
class SheetError:
    file: str
    line: int
    column: str
    template: str  # an English message with %(name)s placeholders, translated by the loader
    params: tuple[tuple[str, str], ...] = ()

    @property
    def reason(self) -> str:
        return self.template % dict(self.params)

    def render(self, translate=lambda message: message) -> str:  # type: ignore[no-untyped-def]
        reason = translate(self.template) % dict(self.params)
        if self.column:
            where = gettext_noop("%(file)s, line %(line)s, column '%(column)s': %(reason)s")
            return translate(where) % {
                "file": self.file, "line": self.line, "column": self.column, "reason": reason,
            }  # fmt: skip
        return translate(gettext_noop("%(file)s, line %(line)s: %(reason)s")) % {
            "file": self.file, "line": self.line, "reason": reason,
        }  # fmt: skip

    def __str__(self) -> str:
        return self.render()


def _params(**values: object) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in values.items())


@dataclass(frozen=True)
class Fact:
    state: CodeState
    raw: str

    def as_json(self) -> dict[str, str]:
        return {"state": str(self.state), "raw": self.raw}


@dataclass
class SheetRow:
    line: int
    identifier: str
    ogp_row_id: str
    url: str
    commitment_number: str
    place_name: str
    place_code: str
    region: str
    national_or_local: str
    plan_id: str
    plan_number: int | None
    submitted_year: int
    end_year: int | None
    duration_years: int | None
    theme: str
    title: str
    short_title: str
    full_text: str
    lead_institutions: list[str]
    supporting_institutions: list[str]
    start: SheetDate
    end: SheetDate
    tags: list[str]  # columns with 1
    tags_unknown: dict[str, str]  # column -> "ND" / "NA" (neither tagged nor untagged)
    scale: str  # scale version code in force for the plan
    coding: dict[str, CodedValue]
    coding_raw: dict[str, dict[str, str]]
    irm_facts: dict[str, Fact]
    ogp_flags: dict[str, str]
    raw: dict[str, str] = field(repr=False)

    @property
    def digest(self) -> str:
        blob = json.dumps(self.raw, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()


@dataclass
class ParsedSheet:
    file: str
    rows: list[SheetRow] = field(default_factory=list)
    errors: list[SheetError] = field(default_factory=list)


def split_institutions(text: str) -> list[str]:
    """Names separated by semicolons, new lines or bullets; 'NA', 'N/A', 'Unclear' are none."""
    parts = re.split(r"[;\n\r]+|\u25cf|\u2022", text)
    names = [" ".join(p.split()).strip(" ,.-") for p in parts]
    return [n for n in names if n and n.upper() not in EMPTY_TEXT]


class _RowParser:
    def __init__(
        self, file: str, line: int, raw: dict[str, str], versions: tuple[ScaleVersion, ...]
    ):
        self.file, self.line, self.raw, self.versions = file, line, raw, versions
        self.errors: list[SheetError] = []

    def error(self, column: str, template: str, **params: object) -> None:
        self.errors.append(SheetError(self.file, self.line, column, template, _params(**params)))

    def text(self, column: str) -> str:
        return self.raw[column].strip()

    def integer(self, column: str, *, required: bool = False) -> int | None:
        value = self.text(column)
        if value.upper() in ("", "NA", "ND", "NR"):
            if required:
                self.error(column, gettext_noop("a whole number is required"))
            return None
        try:
            return int(value)
        except ValueError:
            self.error(column, gettext_noop("'%(value)s' is not a whole number"), value=value)
            return None

    def number(self, column: str) -> str:
        """Commitment numbers are dotted (``3.2.5``); spreadsheet float noise is repaired
        (``2.2999999999999998`` is ``2.3``)."""
        value = self.text(column)
        if value.upper() in ("", "NA", "ND", "NR"):
            return ""
        if not NUMBER_RE.fullmatch(value):
            self.error(
                column,
                gettext_noop("'%(value)s' is not a commitment number (like 3, 3.2.1 or 2A)"),
                value=value,
            )
            return ""
        if FLOAT_NOISE_RE.fullmatch(value):
            value = f"{float(value):.6f}".rstrip("0").rstrip(".")
        return value

    def date(self, column: str, *, end: bool) -> SheetDate:
        try:
            return parse_sheet_date(self.raw[column], end=end)
        except SheetDateError as exc:
            self.error(column, exc.template, **dict(exc.params))
            return SheetDate(None, Precision.NONE, self.raw[column])

    def tags(self) -> tuple[list[str], dict[str, str]]:
        tagged, unknown = [], {}
        for column in TAGS:
            value = self.text(column).upper()
            if value == "1":
                tagged.append(column)
            elif value in ("0", ""):
                continue
            elif value in ("ND", "NA", "NR"):
                unknown[column] = value
            else:
                self.error(
                    column,
                    gettext_noop("'%(value)s': a tag is 1, 0, ND or NA"),
                    value=self.raw[column],
                )
        return tagged, unknown

    def coded(self, version: ScaleVersion | None) -> tuple[dict[str, CodedValue], dict[str, Any]]:
        coding: dict[str, CodedValue] = {}
        raw: dict[str, dict[str, str]] = {}
        for text_col, code_col, key in CODED:
            column = text_col or code_col
            assert column is not None
            value = self.text(column)
            raw[key] = {"text": self.raw[text_col] if text_col else "", "code": ""}
            if code_col:
                raw[key]["code"] = self.raw[code_col]
            upper = value.upper()
            if upper in NO_VALUE:
                coding[key] = CodedValue(NO_VALUE[upper])
                continue
            if upper in NOT_APPLICABLE:
                coding[key] = CodedValue(CodeState.NOT_APPLICABLE)
                continue
            indicator_code = key.split(".", 1)[1]
            candidates = ([version] if version else []) + list(self.versions)
            level = None
            for candidate in candidates:
                indicator = candidate.indicator(indicator_code)
                if indicator is not None and (level := indicator.match_sheet_label(value)):
                    break
            if level is None:
                self.error(
                    column,
                    gettext_noop("'%(value)s' is not a level of '%(indicator)s' on any IRM scale"),
                    value=value,
                    indicator=indicator_code,
                )
                continue
            coding[key] = CodedValue.of(level.code)
        return coding, raw

    def facts(self) -> dict[str, Fact]:
        out = {}
        for column in IRM_FACTS:
            value = self.text(column)
            upper = value.upper()
            if upper in NO_VALUE:
                out[column] = Fact(NO_VALUE[upper], value)
            elif upper in NOT_APPLICABLE:
                out[column] = Fact(CodeState.NOT_APPLICABLE, value)
            else:
                out[column] = Fact(CodeState.VALUE, value)
        return out

    def parse(self) -> SheetRow | None:
        identifier = self.text("Commitment Unique Identifier")
        if not IDENTIFIER_RE.fullmatch(identifier):
            self.error(
                "Commitment Unique Identifier",
                gettext_noop(
                    "'%(value)s' is not an OGP identifier (letters then digits, like AL0002)"
                ),
                value=identifier,
            )
        plan_id = self.text("Action Plan ID")
        if not PLAN_ID_RE.fullmatch(plan_id):
            self.error(
                "Action Plan ID",
                gettext_noop("'%(value)s' is not an action plan identifier (AP_ALB02)"),
                value=plan_id,
            )
        code = self.text("Code")
        if not PLACE_CODE_RE.fullmatch(code):
            self.error(
                "Code",
                gettext_noop("'%(value)s' is not a country (ISO 3166 alpha-3) or locality code"),
                value=code,
            )
        url = self.text("URL")
        if url and not url.startswith("https://"):
            self.error("URL", gettext_noop("'%(value)s' is not an https address"), value=url)
        submitted = self.integer("Year Of Submission", required=True)
        version = version_for_year(self.versions, submitted) if submitted else None
        tags, unknown = self.tags()
        coding, coding_raw = self.coded(version)
        row = SheetRow(
            line=self.line,
            identifier=identifier,
            ogp_row_id=self.text("id"),
            url=url,
            commitment_number=self.number("Commitment Number"),
            place_name=self.text("Country/Locality"),
            place_code=code,
            region=self.text("Region"),
            national_or_local=self.text("National Or Local"),
            plan_id=plan_id,
            plan_number=self.integer("Action Plan Number"),
            submitted_year=submitted or 0,
            end_year=self.integer("Action Plan End Year"),
            duration_years=self.integer("Action Plan Duration (Years)"),
            theme="" if self.text("Theme").upper() in EMPTY_TEXT else self.text("Theme"),
            title=self.text("Commitment Title"),
            short_title=self.text("Short Title"),
            full_text=self.raw["Full Text"].strip(),
            lead_institutions=split_institutions(self.raw["Lead Institution"]),
            supporting_institutions=split_institutions(self.raw["Supporting Institution(s)"]),
            start=self.date("Start Date", end=False),
            end=self.date("End Date", end=True),
            tags=tags,
            tags_unknown=unknown,
            scale=version.code if version else "",
            coding=coding,
            coding_raw=coding_raw,
            irm_facts=self.facts(),
            ogp_flags={c: self.text(c) for c in OGP_FLAGS},
            raw=dict(self.raw),
        )
        if not row.title:
            self.error("Commitment Title", gettext_noop("a commitment needs a title"))
        return None if self.errors else row


def parse_sheet(
    data: bytes, *, file: str, versions: tuple[ScaleVersion, ...], max_errors: int = 50
) -> ParsedSheet:
    result = ParsedSheet(file=file)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append(SheetError(file, 1, "", gettext_noop("the file is not UTF-8 text")))
        return result
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        result.errors.append(SheetError(file, 1, "", gettext_noop("the file is empty")))
        return result
    except csv.Error:
        result.errors.append(SheetError(file, 1, "", gettext_noop("the CSV header cannot be read")))
        return result
    header = [h.strip() for h in header]
    missing = [c for c in ALL_COLUMNS if c not in header]
    for column in missing:
        result.errors.append(
            SheetError(file, 1, column, gettext_noop("this column is missing from the header"))
        )
    duplicates = {h for h in header if header.count(h) > 1}
    for column in sorted(duplicates):
        result.errors.append(
            SheetError(file, 1, column, gettext_noop("this column appears twice in the header"))
        )
    if result.errors:
        return result
    seen: dict[str, int] = {}
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.errors.append(
                SheetError(
                    file,
                    line,
                    "",
                    gettext_noop("unreadable CSV record, the file may be truncated (%(detail)s)"),
                    _params(detail=exc),
                )  # fmt: skip
            )
            break
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            result.errors.append(
                SheetError(
                    file,
                    start,
                    "",
                    gettext_noop(
                        "%(found)s fields where the header has %(expected)s (the file may be "
                        "truncated)"
                    )
                    if len(cells) < len(header)
                    else gettext_noop("%(found)s fields where the header has %(expected)s"),
                    _params(found=len(cells), expected=len(header)),
                )  # fmt: skip
            )
        else:
            parser = _RowParser(file, start, dict(zip(header, cells, strict=True)), versions)
            row = parser.parse()
            result.errors.extend(parser.errors)
            if row is not None:
                if row.identifier in seen:
                    result.errors.append(
                        SheetError(
                            file,
                            start,
                            "Commitment Unique Identifier",
                            gettext_noop("%(identifier)s is already on line %(line)s"),
                            _params(identifier=row.identifier, line=seen[row.identifier]),
                        )  # fmt: skip
                    )
                else:
                    seen[row.identifier] = start
                    result.rows.append(row)
        if len(result.errors) >= max_errors:
            break
    _check_plans(result)
    return result


def _check_plans(result: ParsedSheet) -> None:
    """Rows of one plan must agree on its place and years."""
    first: dict[str, SheetRow] = {}
    for row in result.rows:
        known = first.setdefault(row.plan_id, row)
        for attr, column in (
            ("place_code", "Code"),
            ("submitted_year", "Year Of Submission"),
            ("end_year", "Action Plan End Year"),
        ):
            if getattr(row, attr) != getattr(known, attr):
                result.errors.append(
                    SheetError(
                        result.file,
                        row.line,
                        column,
                        gettext_noop(
                            "plan %(plan)s has '%(first)s' on line %(line)s, '%(here)s' here"
                        ),
                        _params(
                            plan=row.plan_id,
                            first=getattr(known, attr),
                            line=known.line,
                            here=getattr(row, attr),
                        ),
                    )  # fmt: skip
                )
