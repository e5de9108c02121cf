"""The one place where co-creation content gets its moderation fields.

Every user-written model here (proposals, comments) inherits :class:`ModeratedContent` and
nothing else about moderation. The engagement app (branch ``structure``) is meant to own
reports, follows and moderation; when it lands, switch this base class to its mixin and the
rest of the app follows.
"""

from ogp.participation.models.base import Moderated


class ModeratedContent(Moderated):
    class Meta:
        abstract = True
