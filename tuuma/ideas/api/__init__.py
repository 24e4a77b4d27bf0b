"""``/api/v1/ideas``: the same pipeline as the pages, through the same actions.

One module per resource: ``ideas`` (list, submit, read), ``participation``
(support, comments) and ``handling`` (staff status changes and answers); the
serializers in ``serializers``. Every view declares its permission with
``@api_requires``, so a caller without the right gets 401/403 before the body is
validated.
"""

from tuuma.ideas.api.handling import idea_answer, idea_answer_publish, idea_status
from tuuma.ideas.api.ideas import idea_detail, ideas
from tuuma.ideas.api.participation import idea_comments, idea_support

__all__ = [
    "idea_answer",
    "idea_answer_publish",
    "idea_comments",
    "idea_detail",
    "idea_status",
    "idea_support",
    "ideas",
]
