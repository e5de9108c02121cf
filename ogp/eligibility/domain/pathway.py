"""Pathway to eligibility: the smallest set of criterion improvements that makes a country
eligible, as structured steps (the web layer turns them into translated sentences)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .model import CountryResult, Method, Status
from .rulesets import CriterionRule, RuleSet


@dataclass(frozen=True, slots=True)
class Action:
    """One concrete change. ``kind`` is one of:

    - ``publish_document`` (target: OBS document code): publish it on time (status PW);
    - ``adopt_provision`` (target: provision, public_access): reach that legal situation;
    - ``require_publication`` (target: criterion code): the law exists; make what it
      collects public (asset declarations published);
    - ``raise_indicator`` (target: indicator key, threshold, inclusive): score above threshold;
    - ``provide_data`` (target: criterion code): get assessed (additional information route);
    - ``pass_values_check`` (target: V-Dem indicator, threshold, scale).
    """

    kind: str
    target: str
    threshold: float | None = None
    inclusive: bool = False
    public_access: bool = False
    scale: str = ""


@dataclass(frozen=True, slots=True)
class PathwayStep:
    criterion: str  # criterion code, or "values_check"
    from_points: int | None
    to_points: int | None
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class Pathway:
    already_eligible: bool
    reachable: bool
    needed_points: int  # total needed under the resulting maximum
    steps: tuple[PathwayStep, ...]


def _options(rule: CriterionRule, current: int | None) -> list[int | None]:
    """Candidate targets for one criterion: keep current, or any higher reachable level."""
    opts: list[int | None] = [current]
    floor = -1 if current is None else current
    opts.extend(p for p in rule.levels() if p > floor)
    return opts


def _obs_actions(rule: CriterionRule, raw: str, target: int) -> tuple[Action, ...]:
    statuses = dict(part.split("=", 1) for part in raw.split("; ") if "=" in part)
    best_pts = max(rule.status_points.values())
    best_status = next(s for s, p in rule.status_points.items() if p == best_pts)
    current = sum(rule.status_points.get(statuses.get(d, ""), 0) for d in rule.documents)
    actions = []
    for doc in rule.documents:
        if current >= target:
            break
        pts = rule.status_points.get(statuses.get(doc, ""), 0)
        if pts < best_pts:
            actions.append(Action("publish_document", doc, scale=best_status))
            current += best_pts - pts
    return tuple(actions)


def _research_actions(rule: CriterionRule, raw: str, target: int) -> tuple[Action, ...]:
    provision = raw.partition("; ")[0]
    if provision == "law":
        # the country has the law: the only way up is public access, never "adopt a law"
        return (Action("require_publication", rule.code),)
    # the least demanding provision that reaches the target
    order = ["draft", "constitutional", "constitutional_and_draft", "law"]
    for prov in order:
        if rule.provision_points.get(prov, 0) >= target:
            return (Action("adopt_provision", prov),)
        if prov == "law" and rule.provision_points["law"] + rule.public_access_points >= target:
            return (Action("adopt_provision", "law", public_access=True),)
    return (Action("adopt_provision", "law", public_access=True),)


def _band_actions(rule: CriterionRule, target: int) -> tuple[Action, ...]:
    band = min((b for b in rule.bands if b.points >= target), key=lambda b: b.points)
    return (
        Action("raise_indicator", rule.indicator, threshold=band.above, inclusive=rule.inclusive),
    )


def _step(
    rule: CriterionRule, result_points: int | None, raw: str, target: int | None
) -> PathwayStep:
    assert target is not None
    actions: tuple[Action, ...] = ()
    if result_points is None:
        actions = (Action("provide_data", rule.code),)
        if target > 0:
            actions += _improve(rule, "", target)
    else:
        actions = _improve(rule, raw, target)
    return PathwayStep(rule.code, result_points, target, actions)


def _improve(rule: CriterionRule, raw: str, target: int) -> tuple[Action, ...]:
    if rule.method == Method.OBS_DOCUMENTS:
        return _obs_actions(rule, raw, target)
    if rule.method == Method.RESEARCH:
        return _research_actions(rule, raw, target)
    return _band_actions(rule, target)


def _cheapest(
    ruleset: RuleSet, cur_pts: list[int | None], options: list[list[int | None]]
) -> tuple[tuple[int, int, int, tuple[int, ...]], tuple[int | None, ...]] | None:
    """The eligible combination of criterion targets with the smallest key (criteria changed,
    points added, criteria needing new data, which criteria), and that key. Combinations are
    tried by number of criteria changed, so the search stops at the first number that makes
    the country eligible instead of trying every combination; within one set of changed
    criteria, in the order of ``itertools.product`` (the first of equal keys is kept)."""
    rules = ruleset.criteria
    n = len(rules)
    for changed in range(n + 1):
        best: tuple[tuple[int, int, int, tuple[int, ...]], tuple[int | None, ...]] | None = None
        for which in itertools.combinations(range(n), changed):
            new_data = sum(1 for i in which if cur_pts[i] is None)
            for picked in itertools.product(*(options[i][1:] for i in which)):
                targets = list(cur_pts)
                for i, p in zip(which, picked, strict=True):
                    targets[i] = p
                combo = tuple(targets)
                assessed = [p for p in combo if p is not None]
                if len(assessed) < ruleset.min_criteria:
                    continue
                maximum = sum(
                    r.max_points for r, p in zip(rules, combo, strict=True) if p is not None
                )
                if not ruleset.passes(sum(assessed), maximum):
                    continue
                added = sum((combo[i] or 0) - (cur_pts[i] or 0) for i in which)
                key = (changed, added, new_data, which)
                if best is None or key < best[0]:
                    best = (key, combo)
        if best is not None:
            return best
    return None


def pathway(result: CountryResult, ruleset: RuleSet) -> Pathway:
    """Smallest number of criteria to change (then fewest added points, then fewest criteria
    needing new data, then criteria in rule-set order) to become eligible.

    Missing criteria count as improvable: getting assessed raises the maximum as well as the
    total. Overridden criteria are treated like any other. The Values Check, when it applies
    and fails, adds one step per failing indicator.
    """
    rules = ruleset.criteria
    current = [result.criterion(r.code) for r in rules]
    cur_pts = [c.points if c else None for c in current]
    vc_steps: list[PathwayStep] = []
    vc = result.values_check
    if vc is not None and vc.passed is False and vc.threshold is not None:
        for name, value in vc.values:
            if value < vc.threshold:
                vc_steps.append(
                    PathwayStep(
                        "values_check",
                        None,
                        None,
                        (
                            Action(
                                "pass_values_check",
                                name,
                                threshold=vc.threshold,
                                inclusive=True,
                                scale=vc.scale,
                            ),
                        ),
                    )
                )
    if result.status == Status.ELIGIBLE:
        return Pathway(True, True, ruleset.points_needed(result.maximum), tuple(vc_steps))
    options = [_options(r, p) for r, p in zip(rules, cur_pts, strict=True)]
    best = _cheapest(ruleset, cur_pts, options)
    if best is None:
        return Pathway(False, False, 0, tuple(vc_steps))
    combo = best[1]
    steps = []
    for rule, cur, target, res in zip(rules, cur_pts, combo, current, strict=True):
        if target != cur:
            steps.append(_step(rule, cur, res.raw if res else "", target))
    maximum = sum(r.max_points for r, p in zip(rules, combo, strict=True) if p is not None)
    return Pathway(False, True, ruleset.points_needed(maximum), tuple(steps) + tuple(vc_steps))
