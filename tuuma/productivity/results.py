"""The figures of a service area's products, read from the database by year.

Sums come from the database (one grouped query per table); the arithmetic is in
``figures.py``, so the same definitions serve pages, exports and the API.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.productivity import figures
from tuuma.productivity.models import (
    CostCentre,
    CostLine,
    Driver,
    DriverShare,
    HoursLine,
    PriceIndex,
    Product,
    Volume,
)


@dataclass
class ProductYear:
    volume: float = 0.0
    hours: float | None = None
    cost: float | None = None
    channels: dict[str, float] = field(default_factory=dict)
    lines: list[figures.AllocationLine] = field(default_factory=list)

    @property
    def unit_cost(self) -> float | None:
        return figures.ratio(self.cost, self.volume)

    @property
    def labour_productivity(self) -> float | None:
        return figures.ratio(self.volume, self.hours)

    @property
    def digital_share(self) -> float | None:
        return figures.digital_share(self.channels)


@dataclass
class AreaYear:
    year: int
    volume_index: float | None
    real_input_index: float | None
    productivity_index: float | None
    cost: float
    price_index: float | None
    digital_share: float | None


@dataclass
class AreaFigures:
    products: list[Product]
    years: list[int]
    by_product: dict[int, dict[int, ProductYear]]
    areas: list[AreaYear]
    unallocated: dict[int, dict[str, float]]

    @property
    def base_year(self) -> int | None:
        return self.years[0] if self.years else None


def _grouped(queryset, key: str, value: str) -> dict[tuple, float]:
    rows = (
        queryset.annotate(year=ExtractYear("period"))
        .values(key, "year")
        .annotate(total=Sum(value))
    )
    return {(row[key], row["year"]): float(row["total"]) for row in rows}


def area_figures(
    organisation: Organisation,
    area: ServiceArea,
    everything: AreaFigures | None = None,
) -> AreaFigures:
    """Every year's figures of the area's products and the area's indices (first
    year = base). Costs are allocated over the whole organisation first, so an
    organisation-wide support centre is shared by every area's products once;
    a caller reading several areas passes ``organisation_figures`` once."""
    everything = everything or organisation_figures(organisation)
    products = [p for p in everything.products if p.service_area_id == area.pk]
    ids = {p.pk for p in products}
    by_product = {p: cells for p, cells in everything.by_product.items() if p in ids}
    years = sorted({year for cells in by_product.values() for year in cells})
    return AreaFigures(
        products=products,
        years=years,
        by_product=by_product,
        areas=area_years(organisation, by_product, years),
        unallocated=everything.unallocated,
    )


def organisation_figures(organisation: Organisation) -> AreaFigures:
    """The figures of every product of the organisation (indices left empty)."""
    products = list(Product.objects.filter(organisation=organisation))
    by_product: dict[int, dict[int, ProductYear]] = defaultdict(
        lambda: defaultdict(ProductYear)
    )
    channel_rows = (
        Volume.objects.filter(organisation=organisation)
        .annotate(year=ExtractYear("period"))
        .values("product", "year", "channel")
        .annotate(total=Sum("quantity"))
    )
    for row in channel_rows:
        cell = by_product[row["product"]][row["year"]]
        cell.volume += float(row["total"])
        cell.channels[row["channel"]] = float(row["total"])
    hours = _grouped(
        HoursLine.objects.filter(organisation=organisation), "product", "hours"
    )
    for (product, year), total in hours.items():
        by_product[product][year].hours = total
    years = sorted({year for cells in by_product.values() for year in cells})
    unallocated = _allocate(organisation, products, by_product, hours, years)
    return AreaFigures(products, years, by_product, [], unallocated)


def _allocate(organisation, products, by_product, hours, years):
    """Each year's product costs (direct + shares of support centres); a support
    centre of one service area is shared by that area's products only."""
    in_area = defaultdict(list)
    for product in products:
        in_area[product.service_area_id].append(product.pk)
    every = [product.pk for product in products]
    centres = list(CostCentre.objects.filter(organisation=organisation))
    costs = _grouped(
        CostLine.objects.filter(organisation=organisation), "centre", "amount"
    )
    shares = defaultdict(dict)
    for share in DriverShare.objects.filter(organisation=organisation):
        shares[share.centre_id][share.product_id] = float(share.value)
    unallocated = {}
    for year in years:
        direct = defaultdict(list)
        support = []
        for centre in centres:
            cost = costs.get((centre.pk, year))
            if cost is None:
                continue
            if centre.driver == Driver.DIRECT:
                direct[centre.product_id].append((centre.code, cost))
                continue
            eligible = (
                in_area[centre.service_area_id] if centre.service_area_id else every
            )
            weights = _weights(centre, shares, by_product, hours, eligible, year)
            support.append(
                figures.SupportCentre(centre.code, cost, centre.driver, weights)
            )
        result = figures.allocate(direct, support)
        for product, cost in result.product_costs.items():
            cell = by_product[product][year]
            cell.cost, cell.lines = cost, result.lines[product]
        unallocated[year] = result.unallocated
    return unallocated


def _weights(centre, shares, by_product, hours, eligible, year) -> dict[int, float]:
    if centre.driver == Driver.HOURS:
        return {p: hours.get((p, year), 0.0) for p in eligible}
    if centre.driver == Driver.OUTPUTS:
        return {
            p: by_product[p][year].volume
            for p in eligible
            if p in by_product and year in by_product[p]
        }
    return {p: v for p, v in shares.get(centre.pk, {}).items() if p in eligible}


def area_years(organisation, by_product, years) -> list[AreaYear]:
    """The indices of the products in ``by_product`` by year (first year = base)."""
    prices = {
        row.year: float(row.value)
        for row in PriceIndex.objects.filter(organisation=organisation)
    }
    if not years:
        return []
    base = years[0]
    base_volumes = {
        p: cells[base].volume for p, cells in by_product.items() if base in cells
    }
    base_costs = {
        p: cells[base].unit_cost
        for p, cells in by_product.items()
        if base in cells and cells[base].unit_cost is not None
    }
    base_cost = sum(
        cells[base].cost or 0.0 for cells in by_product.values() if base in cells
    )
    result = []
    for year in years:
        cells = [c[year] for c in by_product.values() if year in c]
        cost = sum(cell.cost or 0.0 for cell in cells)
        channels: dict[str, float] = defaultdict(float)
        for cell in cells:
            for channel, total in cell.channels.items():
                channels[channel] += total
        volume = figures.volume_index(
            {p: c[year].volume for p, c in by_product.items() if year in c},
            base_volumes,
            base_costs,
        )
        real = figures.real_input_index(
            cost, prices.get(year), base_cost, prices.get(base)
        )
        result.append(
            AreaYear(
                year=year,
                volume_index=volume,
                real_input_index=real,
                productivity_index=figures.productivity_index(volume, real),
                cost=cost,
                price_index=prices.get(year),
                digital_share=figures.digital_share(channels),
            )
        )
    return result
