"""None"""

from .common import (
    MANAGE,
    public_page_cache,
)
from .country import (
    country,
)
from .cycles import (
    cycle_manage,
    evidence_decide,
    ruleset_create,
)
from .evidence import (
    evidence_document,
    evidence_submit,
    my_evidence,
)
from .membership_history import (
    membership_history,
)
from .methodology import (
    exports_doc,
    methodology,
    methodology_index,
    world_map,
)
from .public import (
    EXPORTS,
    SORT_KEYS,
    index,
    scoresheet,
    scoresheet_export,
)
from .research import (
    research_create,
    research_list,
)
from .staff import (
    cycle_open,
    release_detail,
    release_import,
    staff_home,
)

__all__ = [
    "MANAGE",
    "public_page_cache",
    "index",
    "SORT_KEYS",
    "scoresheet",
    "EXPORTS",
    "scoresheet_export",
    "country",
    "methodology_index",
    "methodology",
    "exports_doc",
    "world_map",
    "evidence_submit",
    "my_evidence",
    "evidence_document",
    "staff_home",
    "release_import",
    "release_detail",
    "cycle_open",
    "cycle_manage",
    "evidence_decide",
    "ruleset_create",
    "membership_history",
    "research_create",
    "research_list",
]
