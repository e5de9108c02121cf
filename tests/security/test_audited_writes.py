"""One audited write path: a service that changes a stored row goes through
`ogp.audit.services.audited_update` / `audited_delete` (which take the "before" from the row as
stored, locked), never through a hand-built snapshot -> change -> save -> `audit_record(before=)`.

The scan reads every service module's syntax tree; the few calls that hand a `before` to
`audit_record` for a reason the helpers do not cover are listed below, each with its reason."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ALLOWED: dict[str, str] = {
    # The batch is read locked in one query and only the rows whose generated text changed are
    # written: "before" comes from that locked read, not from an instance a caller changed.
    "ogp/membership/services/letters.py::letters_refresh_generated": "locked batch",
    # Restarting onboarding deletes the previous checklist's rows: "before" lists what they
    # held, there is no single row to re-read.
    "ogp/membership/services/letters.py::letter_accept": "deleted checklist",
    # No row changes here: the queue retries the e-mail later; "before" records the failure
    # the retry answers.
    "ogp/tasks/services.py::outbound_email_retry": "no write",
    # The report's sections are read locked in one query and written in one bulk update;
    # "before" is that locked read of the related rows (the report row itself is unchanged).
    "ogp/monitoring/services/self_assessment.py::self_assessment_sections_update": "locked rows",
    # A timeline step, an opportunity or a Standards assessment is recorded on its plan (the
    # plan's history lists it; audited_update records on the changed row), created or updated.
    "ogp/cocreation/services/timeline.py::step_save": "recorded on the plan",
    "ogp/cocreation/services/timeline.py::opportunity_save": "recorded on the plan",
    "ogp/cocreation/services/standards.py::assessment_set": "recorded on the plan",
}


def _service_modules() -> list[Path]:
    paths = [*ROOT.glob("ogp/*/services.py"), *ROOT.glob("ogp/*/services/**/*.py")]
    return sorted(p for p in paths if "tests" not in p.parts)


def _hand_built_before(source: str, module: str) -> list[str]:
    """`module::function` of every audit_record(...) call given a `before=` in `source`."""
    found = []
    for function in ast.walk(ast.parse(source, filename=module)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "audit_record"
                and any(keyword.arg == "before" for keyword in node.keywords)
            ):
                found.append(f"{module}::{function.name}")
    return found


def test_services_change_rows_through_the_audited_helpers():
    sites = set()
    for path in _service_modules():
        module = path.relative_to(ROOT).as_posix()
        if module == "ogp/audit/services.py":
            continue  # the helpers themselves
        sites.update(_hand_built_before(path.read_text(), module))
    offenders = sorted(sites - set(ALLOWED))
    assert not offenders, (
        "hand-written snapshot -> save -> audit_record(before=...): use audited_update / "
        f"audited_delete from ogp.audit.services instead: {offenders}"
    )
    stale = sorted(set(ALLOWED) - sites)
    assert not stale, f"allowed exceptions that no longer exist (remove them): {stale}"


def test_the_scan_finds_a_hand_built_before():
    """The check above is not vacuous: the pattern it forbids is found, the helper is not."""
    source = (
        "def thing_update(*, acting_user, thing):\n"
        "    before = snapshot(thing, ['name'])\n"
        "    thing.name = 'x'\n"
        "    thing.save()\n"
        "    audit_record(actor=acting_user, action=A, target=thing, before=before)\n"
        "\n"
        "def thing_rename(*, acting_user, thing):\n"
        "    audited_update(acting_user=acting_user, instance=thing, action=A, fields=['name'])\n"
    )
    assert _hand_built_before(source, "probe.py") == ["probe.py::thing_update"]
