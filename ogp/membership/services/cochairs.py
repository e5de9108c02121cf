"""The co-chairs the letters of intent are addressed to."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError

from ..models import (
    CoChairs,
)
from .common import (
    _require_support_unit,
)
from .letters import (
    REWORDED_COCHAIRS,
    letters_refresh_generated,
)

# --- Co-chairs ---------------------------------------------------------------------------


@transaction.atomic
def cochairs_set(
    *,
    acting_user: User,
    government_co_chair: str,
    civil_society_co_chair: str,
    effective_from: datetime.date,
) -> CoChairs:
    _require_support_unit(acting_user)
    if not government_co_chair.strip() or not civil_society_co_chair.strip():
        raise ServiceError(_("Give both co-chairs: one government, one civil society."))
    cochairs = CoChairs.objects.create(
        government_co_chair=government_co_chair.strip(),
        civil_society_co_chair=civil_society_co_chair.strip(),
        effective_from=effective_from,
        updated_by=acting_user,
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.COCHAIRS_SET,
        target=cochairs,
        after=snapshot(
            cochairs, ["government_co_chair", "civil_society_co_chair", "effective_from"]
        ),
    )
    # Open letters are re-addressed; submitted ones keep the addressees they were signed for.
    # A signed copy addressed to the former co-chairs must be signed again (the government is
    # told on the letter page and by e-mail).
    letters_refresh_generated(acting_user=acting_user, because=REWORDED_COCHAIRS)
    return cochairs
