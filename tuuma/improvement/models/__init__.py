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
