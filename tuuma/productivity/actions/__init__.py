"""Operations on service products, their figures and the working-life survey.

HTML views, the API and the demo call these; ``from tuuma.productivity import
actions`` then ``actions.<name>``.
"""

from tuuma.productivity.actions.catalogue import catalogue_save, driver_shares_set
from tuuma.productivity.actions.figures import (
    figures_import,
    measure_product_link,
    price_index_set,
    volumes_count_from_caselog,
)
from tuuma.productivity.actions.month import MonthFigures, month_enter
from tuuma.productivity.actions.surveys import (
    SurveyAnswerError,
    remarks_readable,
    survey_answer,
    survey_create,
    survey_remark_to_idea,
    survey_update,
)

__all__ = [
    "MonthFigures",
    "SurveyAnswerError",
    "catalogue_save",
    "driver_shares_set",
    "figures_import",
    "measure_product_link",
    "month_enter",
    "price_index_set",
    "remarks_readable",
    "survey_answer",
    "survey_create",
    "survey_remark_to_idea",
    "survey_update",
    "volumes_count_from_caselog",
]
