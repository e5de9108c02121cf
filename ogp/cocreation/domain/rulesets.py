"""Co-creation rule sets: delivery calendar, advance notice and the Standards, as data.

A rule set is a JSON document (shipped ones in ``ogp/cocreation/rulesets/``, stored per version
in the database so staff can add one). :func:`parse_rule_set` turns it into frozen dataclasses;
every other module of this package reads only those.

Kinds of delivery calendar (``delivery.kind``):

* ``cohort`` (legacy calendar): the plan is due on a fixed month/day of its cohort year
  (30 June in 2015, 31 August later); a plan up to ``grace_months`` late keeps its end date if it
  still gets ``min_implementation_months``; later it is contrary to process.
* ``after_previous`` (2022 rules): the plan is expected at the first delivery window on or after
  the end of the previous plan and is contrary to process when it is not published within
  ``contrary_after_months`` months after that end.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class DeliveryKind(enum.StrEnum):
    COHORT = "cohort"
    AFTER_PREVIOUS = "after_previous"


class Evaluator(enum.StrEnum):
    """How a Standards minimum requirement is evidenced."""

    FORUM_CADENCE = "forum_cadence"  # forum meetings at least every N months
    FORUM_RULES_PUBLIC = "forum_rules_public"
    PUBLIC_WEBSITE = "public_website"  # the plan's public pages
    DOCUMENT_REPOSITORY = "document_repository"  # documents published with the plan
    REPOSITORY_UPDATES = "repository_updates"  # documents added at least twice a year
    ADVANCE_NOTICE = "advance_notice"  # timeline and opportunities published in advance
    OPEN_INPUT = "open_input"  # an opportunity open to anyone
    REASONED_RESPONSE = "reasoned_response"  # ledger coverage
    ASSESSED = "assessed"  # staff or IRM assessment, recorded by hand


class RuleSetError(ValueError):
    """The rule set document is malformed; the message says where."""


@dataclass(frozen=True)
class MonthDay:
    month: int
    day: int


@dataclass(frozen=True)
class DeliveryRule:
    kind: DeliveryKind
    due: MonthDay | None = None  # cohort: due day in the cohort year
    grace_months: int = 0  # cohort: late but keeping the end date
    min_implementation_months: int | None = None  # cohort: with grace
    windows: tuple[MonthDay, ...] = ()  # after_previous: delivery windows in a year
    contrary_after_months: int | None = None  # after_previous
    first_plan_due: MonthDay | None = None  # first plan: this day of the year after the letter
    plan_lengths_years: tuple[int, ...] = (2,)


@dataclass(frozen=True)
class RequirementRule:
    code: str  # "1.1", "3.1"...
    standard: int
    evaluator: Evaluator
    params: tuple[tuple[str, int], ...] = ()
    verified: bool = True  # False: seen only in secondary sources, staff should confirm
    counts_for_contrary: bool = False

    def param(self, name: str, default: int) -> int:
        return dict(self.params).get(name, default)


@dataclass(frozen=True)
class RuleSet:
    code: str
    delivery: DeliveryRule
    advance_notice_days: int | None  # None: the version sets no notice rule
    requirements: tuple[RequirementRule, ...]
    at_risk_days: int = 30  # "at risk" horizon for deadlines evaluated before they pass


def _month_day(value: Any, where: str) -> MonthDay:
    if not isinstance(value, str) or len(value.split("-")) != 2:
        raise RuleSetError(f"{where}: expected 'MM-DD', got {value!r}")
    month_s, day_s = value.split("-")
    try:
        month, day = int(month_s), int(day_s)
    except ValueError as exc:
        raise RuleSetError(f"{where}: expected 'MM-DD', got {value!r}") from exc
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise RuleSetError(f"{where}: no such month and day {value!r}")
    return MonthDay(month, day)


def _int(value: Any, where: str, *, minimum: int = 0, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise RuleSetError(f"{where}: expected a whole number >= {minimum}, got {value!r}")
    return value


def parse_rule_set(code: str, document: dict[str, Any]) -> RuleSet:
    """Build a :class:`RuleSet`, or raise :class:`RuleSetError` naming the faulty key."""
    if not isinstance(document, dict):
        raise RuleSetError(f"{code}: the rule set must be a JSON object")
    delivery_doc = document.get("delivery")
    if not isinstance(delivery_doc, dict):
        raise RuleSetError(f"{code}: 'delivery' is missing")
    try:
        kind = DeliveryKind(str(delivery_doc.get("kind")))
    except ValueError as exc:
        raise RuleSetError(
            f"{code}: delivery.kind must be one of {[k.value for k in DeliveryKind]}"
        ) from exc
    lengths = delivery_doc.get("plan_lengths_years", [2])
    if not isinstance(lengths, list) or not lengths:
        raise RuleSetError(f"{code}: delivery.plan_lengths_years must be a non-empty list")
    plan_lengths = tuple(
        int(_int(x, f"{code}: delivery.plan_lengths_years", minimum=1) or 0) for x in lengths
    )
    first_due = delivery_doc.get("first_plan_due")
    if kind is DeliveryKind.COHORT:
        delivery = DeliveryRule(
            kind=kind,
            due=_month_day(delivery_doc.get("due"), f"{code}: delivery.due"),
            grace_months=int(_int(delivery_doc.get("grace_months", 0), f"{code}: grace") or 0),
            min_implementation_months=_int(
                delivery_doc.get("min_implementation_months"),
                f"{code}: delivery.min_implementation_months",
                optional=True,
            ),
            first_plan_due=_month_day(first_due, f"{code}: delivery.first_plan_due")
            if first_due
            else None,
            plan_lengths_years=plan_lengths,
        )
    else:
        windows = delivery_doc.get("windows")
        if not isinstance(windows, list) or not windows:
            raise RuleSetError(f"{code}: delivery.windows must list at least one 'MM-DD'")
        delivery = DeliveryRule(
            kind=kind,
            windows=tuple(
                sorted(
                    (
                        _month_day(w, f"{code}: delivery.windows[{i}]")
                        for i, w in enumerate(windows)
                    ),
                    key=lambda md: (md.month, md.day),
                )
            ),
            contrary_after_months=_int(
                delivery_doc.get("contrary_after_months"),
                f"{code}: delivery.contrary_after_months",
                minimum=1,
            ),
            first_plan_due=_month_day(first_due, f"{code}: delivery.first_plan_due")
            if first_due
            else None,
            plan_lengths_years=plan_lengths,
        )
    requirements: list[RequirementRule] = []
    for index, item in enumerate(document.get("requirements", [])):
        where = f"{code}: requirements[{index}]"
        if not isinstance(item, dict):
            raise RuleSetError(f"{where}: expected an object")
        try:
            evaluator = Evaluator(str(item.get("evaluator")))
        except ValueError as exc:
            raise RuleSetError(
                f"{where}: evaluator must be one of {[e.value for e in Evaluator]}"
            ) from exc
        req_code = item.get("code")
        if not isinstance(req_code, str) or not req_code:
            raise RuleSetError(f"{where}: 'code' is missing")
        params = item.get("params", {})
        if not isinstance(params, dict):
            raise RuleSetError(f"{where}: 'params' must be an object")
        requirements.append(
            RequirementRule(
                code=req_code,
                standard=int(_int(item.get("standard"), f"{where}.standard", minimum=1) or 0),
                evaluator=evaluator,
                params=tuple(
                    sorted((k, int(_int(v, f"{where}.params.{k}") or 0)) for k, v in params.items())
                ),
                verified=bool(item.get("verified", True)),
                counts_for_contrary=bool(item.get("counts_for_contrary", False)),
            )
        )
    codes = [r.code for r in requirements]
    if len(set(codes)) != len(codes):
        raise RuleSetError(f"{code}: a requirement code appears twice")
    return RuleSet(
        code=code,
        delivery=delivery,
        advance_notice_days=_int(
            document.get("advance_notice_days"), f"{code}: advance_notice_days", optional=True
        ),
        requirements=tuple(requirements),
        at_risk_days=int(_int(document.get("at_risk_days", 30), f"{code}: at_risk_days") or 0),
    )
