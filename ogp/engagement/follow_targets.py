"""The kinds of objects people can follow, as the apps above declare them (follow_targets hook
in ogp/core/hooks.py): engagement stores follows on any model but only offers the declared ones."""

from typing import Any

from ogp.core.hooks import FollowTarget, follow_targets


def targets() -> dict[str, FollowTarget]:
    """Every declared kind, by the name used in addresses."""
    found: dict[str, FollowTarget] = {}
    for provider in follow_targets.implementations():
        for target in provider():
            found[target.kind] = target
    return found


def target_kind(obj: Any) -> FollowTarget | None:
    """The declared kind `obj` is, or None when it cannot be followed."""
    for target in targets().values():
        if isinstance(obj, target.model):
            return target
    return None


def target_url(obj: Any) -> str:
    kind = target_kind(obj)
    if kind is not None and kind.url is not None:
        return kind.url(obj)
    return str(obj.get_absolute_url())
