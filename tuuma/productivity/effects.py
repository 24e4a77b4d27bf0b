"""A measure's effect on the products it names: unit cost and digital share in the
year before it started against the latest full year after, and the saving.

Realised saving = (unit cost before − unit cost after) × volume after; the
expected saving uses the expected unit cost in place of the one after.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuuma.productivity.models import MeasureProduct
from tuuma.productivity.results import ProductYear, organisation_figures


@dataclass(frozen=True)
class ProductEffect:
    link: MeasureProduct
    before_year: int
    before: ProductYear | None
    after_year: int | None
    after: ProductYear | None

    @property
    def realised_saving(self) -> float | None:
        return _saving(self.before, self.after, self.after and self.after.unit_cost)

    @property
    def expected_saving(self) -> float | None:
        expected = self.link.expected_unit_cost
        return _saving(self.before, self.after, expected and float(expected))


def _saving(before, after, unit_cost_after) -> float | None:
    if before is None or after is None or unit_cost_after is None:
        return None
    if before.unit_cost is None:
        return None
    return (before.unit_cost - unit_cost_after) * after.volume


def measure_effects(measure, links) -> list[ProductEffect]:
    """The effect on each linked product (one read of the organisation's figures)."""
    before_year = measure.start_date.year - 1
    everything = organisation_figures(measure.organisation) if links else None
    effects = []
    for link in links:
        cells = everything.by_product.get(link.product_id, {})
        later = [year for year in cells if year > measure.start_date.year]
        after_year = max(later) if later else None
        effects.append(
            ProductEffect(
                link=link,
                before_year=before_year,
                before=cells.get(before_year),
                after_year=after_year,
                after=cells.get(after_year) if after_year else None,
            )
        )
    return effects
