"""Where a proposal is: an address text and a point on the map.

A point is two decimals in degrees (WGS 84), both or neither; if the
organisation has set its map area the point must fall inside it, so that a
slip of the finger (or swapped coordinates) is caught at once. The map itself
is drawn in the browser (``static/budgeting/map.js``) from the text list of
proposals on the page, which is also its accessible equivalent.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from tuuma.budgeting.errors import BudgetingError
from tuuma.organisation.models import Organisation

PLACES = Decimal("0.000001")


def _degrees(value) -> Decimal | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise BudgetingError(_("Write the coordinates as numbers.")) from None
    if not number.is_finite():
        raise BudgetingError(_("Write the coordinates as numbers."))
    return number.quantize(PLACES)


def checked_point(
    organisation: Organisation, latitude, longitude
) -> tuple[Decimal | None, Decimal | None]:
    """The point as stored, or a ``BudgetingError`` saying what is wrong."""
    latitude, longitude = _degrees(latitude), _degrees(longitude)
    if latitude is None and longitude is None:
        return None, None
    if latitude is None or longitude is None:
        raise BudgetingError(_("Give both the latitude and the longitude, or neither."))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BudgetingError(
            _("The latitude is between -90 and 90, the longitude between -180 and 180.")
        )
    bounds = organisation.map_bounds
    if bounds is not None:
        south, west, north, east = bounds
        if not (south <= latitude <= north and west <= longitude <= east):
            raise BudgetingError(_("The point is outside the municipality's map area."))
    return latitude, longitude


def map_settings(organisation: Organisation) -> dict:
    """What the map script needs besides the points: tiles and the area."""
    return {
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "bounds": ",".join(str(edge) for edge in organisation.map_bounds or ()),
    }
