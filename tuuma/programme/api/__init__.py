"""``/api/v1/goals`` and ``/api/v1/measures``: the programme through the same actions
as the pages. Everyone sees published measures; staff see all and the ones who may
change a measure change it here.

One module per resource (``goals``, ``measures``, ``indicators``), the serializers
in ``serializers``. Every view declares its permission with ``@api_requires``.
"""

from tuuma.programme.api.goals import goals
from tuuma.programme.api.indicators import indicator_values, measure_indicators
from tuuma.programme.api.measures import measure_detail, measures

__all__ = [
    "goals",
    "indicator_values",
    "measure_detail",
    "measure_indicators",
    "measures",
]
