"""Service products, their volumes, costs and hours, and the working-life survey."""

from tuuma.productivity.models.catalogue import Channel, Product, ProductGroup
from tuuma.productivity.models.effects import MeasureProduct
from tuuma.productivity.models.ledger import (
    CostCentre,
    CostLine,
    Driver,
    DriverShare,
    Headcount,
    HoursLine,
    PriceIndex,
    Volume,
)
from tuuma.productivity.models.survey import (
    Statement,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyRemark,
    SurveyResponse,
)

__all__ = [
    "Channel",
    "CostCentre",
    "CostLine",
    "Driver",
    "DriverShare",
    "Headcount",
    "HoursLine",
    "MeasureProduct",
    "PriceIndex",
    "Product",
    "ProductGroup",
    "Statement",
    "Survey",
    "SurveyAnswer",
    "SurveyParticipation",
    "SurveyRemark",
    "SurveyResponse",
    "Volume",
]
