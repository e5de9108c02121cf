"""Pathway advice as sentences in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..domain.pathway import Action, Pathway, PathwayStep
from .codes import (
    CRITERION_LABELS,
    INDICATOR_LABELS,
    OBS_DOCUMENT_LABELS,
    PROVISION_LABELS,
    SCALE_LABELS,
)


def _action_sentence(criterion: str, action: Action) -> str:
    if action.kind == "publish_document":
        return _("Publish the %(document)s on time and online.") % {
            "document": OBS_DOCUMENT_LABELS.get(action.target, action.target)
        }
    if action.kind == "require_publication":
        if criterion == "asset_disclosure":
            return _("The asset disclosure law exists: require that the declarations be published.")
        return _("The law exists: make what it covers accessible to the public.")
    if action.kind == "adopt_provision":
        if action.public_access:
            return (
                _("Adopt an asset disclosure law that gives the public access to the declarations.")
                if criterion == "asset_disclosure"
                else _("Adopt a law in force that gives public access.")
            )
        if criterion == "access_to_information":
            return _("Reach at least: %(provision)s on access to information.") % {
                "provision": PROVISION_LABELS.get(action.target, action.target)
            }
        return _("Adopt an asset disclosure law for elected and senior officials.")
    if action.kind == "raise_indicator":
        if action.inclusive:
            return _("Reach a score of at least %(threshold)s on the %(indicator)s.") % {
                "threshold": f"{action.threshold:g}",
                "indicator": INDICATOR_LABELS.get(action.target, action.target),
            }
        return _("Reach a score above %(threshold)s on the %(indicator)s.") % {
            "threshold": f"{action.threshold:g}",
            "indicator": INDICATOR_LABELS.get(action.target, action.target),
        }
    if action.kind == "provide_data":
        return _(
            "Get assessed on %(criterion)s: send evidence to the Support Unit through the "
            "additional information route."
        ) % {"criterion": CRITERION_LABELS.get(action.target, action.target)}
    if action.kind == "pass_values_check":
        return _("Values Check: reach %(threshold)s or more on the %(indicator)s (%(scale)s).") % {
            "threshold": f"{action.threshold:g}",
            "indicator": INDICATOR_LABELS.get(action.target, action.target),
            "scale": SCALE_LABELS.get(action.scale, action.scale),
        }
    return action.kind


def step_sentence(step: PathwayStep) -> str:
    actions = " ".join(_action_sentence(step.criterion, a) for a in step.actions)
    if step.criterion == "values_check":
        return actions
    label = CRITERION_LABELS.get(step.criterion, step.criterion)
    if step.from_points is None:
        head = ngettext(
            "%(criterion)s: not assessed yet; %(to)s point needed.",
            "%(criterion)s: not assessed yet; %(to)s points needed.",
            step.to_points or 0,
        ) % {"criterion": label, "to": step.to_points}
    else:
        head = _("%(criterion)s: from %(from)s to %(to)s points.") % {
            "criterion": label,
            "from": step.from_points,
            "to": step.to_points,
        }
    return f"{head} {actions}"


def pathway_sentences(p: Pathway) -> tuple[str, ...]:
    return tuple(step_sentence(s) for s in p.steps)
