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
