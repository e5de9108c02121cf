"""Cross-app reactions, declared on `AppConfig` like `nav_items`.

Apps import only the apps below them (the layers contract in pyproject.toml). When a lower app
must reach a higher one ("a cycle was published", "what do other apps show on a country hub?"),
the lower app calls a hook defined here and the higher apps declare what answers it on their
AppConfig, as dotted paths resolved on first use:

    class MembershipConfig(AppConfig):
        hooks = {"cycle_published": "ogp.membership.services.membership_statuses_apply_cycle"}

Each hook names the Protocol its implementations follow; `implementations()` returns them in
INSTALLED_APPS order. `ogp.core.tests.test_hooks` checks every declaration resolves to a callable
whose signature matches the hook's Protocol.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, cast

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .summaries import (
    ContraryToProcessRecord,
    CyclePublished,
    IRMReportPublished,
    PlanPublished,
)

F = TypeVar("F")


@dataclass(frozen=True)
class PageSection:
    """A block another app adds to a page: a template and what it reads, in display order."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    order: int = 100


class CyclePublishedReceiver(Protocol):
    def __call__(self, *, acting_user: Any, event: CyclePublished) -> None: ...


class PlanPublishedReceiver(Protocol):
    def __call__(self, *, acting_user: Any, event: PlanPublished) -> None: ...


class IRMReportPublishedReceiver(Protocol):
    def __call__(self, *, acting_user: Any, event: IRMReportPublished) -> None: ...


class ImportRunnersProvider(Protocol):
    """Import kinds (e.g. "plans.sheet") and the function running each one:
    runner(*, acting_user, data: bytes, file_name: str, params: dict) -> dict (the result)."""

    def __call__(self) -> Mapping[str, Any]: ...


class CountrySectionsProvider(Protocol):
    def __call__(self, country: Any) -> list[PageSection]: ...


class OrganisationSectionsProvider(Protocol):
    def __call__(self, organisation: Any) -> list[PageSection]: ...


class PlanProcessFactsProvider(Protocol):
    def __call__(self, plan: Any) -> Mapping[str, Any]: ...


class ContraryRecordProvider(Protocol):
    def __call__(self, country: Any) -> ContraryToProcessRecord: ...


class PublishRefusalsProvider(Protocol):
    def __call__(self, report: Any) -> list[str]: ...


@dataclass(frozen=True)
class FollowTarget:
    """A kind of object people can follow (engagement keeps the follows, on any model)."""

    kind: str  # in addresses: /following/<kind>/<key>/
    model: type
    key: str  # the field that names one object in addresses
    label: Any  # what the follow list says it is ("forum")
    url: Callable[[Any], str] | None = None  # where the follow list links (else get_absolute_url)
    # (user, object) -> may this user start following it (a draft not yet public: no); None: yes
    followable: Callable[[Any, Any], bool] | None = None


class FollowTargetsProvider(Protocol):
    def __call__(self) -> list[FollowTarget]: ...


class MembershipTransitionCheck(Protocol):
    """ "" when OGP's process allows a country's status to go from `source` to `target`, else
    the refusal, in the reader's language."""

    def __call__(self, source: str, target: str) -> str: ...


@dataclass(frozen=True)
class Hook(Generic[F]):
    name: str
    protocol: type
    doc: str

    def implementations(self) -> list[F]:
        return cast(list[F], _resolved(self.name))

    def send(self, **kwargs: Any) -> None:
        """For event hooks: call every implementation with the same keyword arguments."""
        for receiver in self.implementations():
            cast(Any, receiver)(**kwargs)

    def sections(self, *args: Any, **kwargs: Any) -> list[PageSection]:
        """For section hooks: every implementation's sections, in display order."""
        found: list[PageSection] = []
        for provider in self.implementations():
            found.extend(cast(Any, provider)(*args, **kwargs))
        return sorted(found, key=lambda s: s.order)


cycle_published: Hook[CyclePublishedReceiver] = Hook(
    "cycle_published",
    CyclePublishedReceiver,
    "An eligibility cycle was published (in the publishing transaction).",
)
plan_published: Hook[PlanPublishedReceiver] = Hook(
    "plan_published",
    PlanPublishedReceiver,
    "An action plan was published (in the publishing transaction).",
)
irm_report_published: Hook[IRMReportPublishedReceiver] = Hook(
    "irm_report_published",
    IRMReportPublishedReceiver,
    "A version of an IRM report was published (in the publishing transaction).",
)
import_runners: Hook[ImportRunnersProvider] = Hook(
    "import_runners",
    ImportRunnersProvider,
    "The background imports an app runs (ogp/core/imports.py queues them).",
)
country_sections: Hook[CountrySectionsProvider] = Hook(
    "country_sections",
    CountrySectionsProvider,
    "Summaries other apps show on a country's hub page.",
)
organisation_sections: Hook[OrganisationSectionsProvider] = Hook(
    "organisation_sections",
    OrganisationSectionsProvider,
    "Sections other apps show on an organisation's page.",
)

plan_process_facts: Hook[PlanProcessFactsProvider] = Hook(
    "plan_process_facts",
    PlanProcessFactsProvider,
    "Process facts other apps record about an action plan (e.g. ``has_repository``), for the "
    "contrary-to-process rules; a fact unknown to the app is left out.",
)

contrary_to_process_record: Hook[ContraryRecordProvider] = Hook(
    "contrary_to_process_record",
    ContraryRecordProvider,
    "A country's confirmed contrary-to-process findings, as membership's status changes read "
    "them (the first implementation answers).",
)

irm_report_publish_refusals: Hook[PublishRefusalsProvider] = Hook(
    "irm_report_publish_refusals",
    PublishRefusalsProvider,
    "Why an IRM report may not be published now (translated sentences; empty: nothing), asked "
    "by plans before publishing (e.g. comments on the draft still without an answer).",
)

follow_targets: Hook[FollowTargetsProvider] = Hook(
    "follow_targets",
    FollowTargetsProvider,
    "The kinds of objects an app lets people follow (engagement's follow pages and digests).",
)

membership_transition_check: Hook[MembershipTransitionCheck] = Hook(
    "membership_transition_check",
    MembershipTransitionCheck,
    "Is a change of a country's OGP status a transition of the membership state machine?",
)

HOOKS: dict[str, Hook[Any]] = {
    hook.name: hook
    for hook in (
        cycle_published,
        country_sections,
        organisation_sections,
        plan_process_facts,
        contrary_to_process_record,
        irm_report_publish_refusals,
        plan_published,
        irm_report_published,
        import_runners,
        follow_targets,
        membership_transition_check,
    )
}

_cache: dict[str, list[Any]] = {}


def declarations() -> list[tuple[str, str, str]]:
    """(app label, hook name, dotted path) for every hook an AppConfig declares."""
    found = []
    for config in apps.get_app_configs():
        for name, paths in (getattr(config, "hooks", None) or {}).items():
            for path in (paths,) if isinstance(paths, str) else paths:
                found.append((config.label, name, path))
    return found


def _resolved(name: str) -> list[Any]:
    if name not in _cache:
        functions = []
        for label, hook_name, path in declarations():
            if hook_name not in HOOKS:
                raise ImproperlyConfigured(
                    f"{label}: unknown hook {hook_name!r} in AppConfig.hooks"
                )
            if hook_name == name:
                functions.append(import_string(path))
        _cache[name] = functions
    return _cache[name]


def signature_problems() -> list[str]:
    """Declarations whose function does not take the hook Protocol's parameters."""
    problems = []
    for label, name, path in declarations():
        hook = HOOKS.get(name)
        if hook is None:
            problems.append(f"{label}: unknown hook {name!r}")
            continue
        expected = inspect.signature(hook.protocol.__call__).parameters
        wanted = [(p.name, p.kind) for p in list(expected.values())[1:]]
        try:
            got = inspect.signature(import_string(path)).parameters
        except ImportError as error:
            problems.append(f"{label}: {path} does not import ({error})")
            continue
        params = list(got.values())
        if [(p.name, p.kind) for p in params[: len(wanted)]] != wanted and not (
            # positional parameters may be named as the implementation likes
            all(w[1] == inspect.Parameter.POSITIONAL_OR_KEYWORD for w in wanted)
            and len(params) >= len(wanted)
        ):
            problems.append(f"{label}: {path} does not match {hook.protocol.__name__}")
    return problems
