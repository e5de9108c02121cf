"""The one place where co-creation content gets its moderation fields.

Every user-written model here (proposals, comments) inherits :class:`ModeratedContent` and
nothing else about moderation: the fields, reports and the moderation queue come from the
engagement app's mixin, as for every moderated model.
"""

from ogp.engagement.models import Moderated


class ModeratedContent(Moderated):
    class Meta:
        abstract = True
