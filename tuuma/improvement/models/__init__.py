from tuuma.improvement.models.survey import (
    Audience,
    KanoAnswer,
    KanoFeature,
    KanoResponse,
    KanoSurvey,
    Segment,
    SurveyStatus,
)

__all__ = [
    "Audience",
    "KanoAnswer",
    "KanoFeature",
    "KanoResponse",
    "KanoSurvey",
    "Segment",
    "SurveyStatus",
]
from tuuma.improvement.models.priority import PriorityScore, RankingDecision  # noqa: E402

__all__ += ["PriorityScore", "RankingDecision"]
from tuuma.improvement.models.a3 import (  # noqa: E402
    A3,
    SECTIONS,
    Cause,
    Countermeasure,
    ReviewComment,
    SustainmentCheck,
)

__all__ += [
    "A3",
    "SECTIONS",
    "Cause",
    "Countermeasure",
    "ReviewComment",
    "SustainmentCheck",
]
