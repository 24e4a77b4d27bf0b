"""What goes in and comes out, per month: volumes, costs, working hours, prices.

Each table holds one month's figures per key; an import replaces a period's rows
in one transaction, so a figure never mixes two versions of the same month.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea, Unit
from tuuma.productivity.models.catalogue import Channel, Product


class Volume(models.Model):
    """How many outputs a product had in a month through one channel."""

    class Source(models.TextChoices):
        IMPORT = "import", _("Imported")
        CASELOG = "caselog", _("Counted from the case log")
        MANUAL = "manual", _("Entered by hand")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="volumes"
    )
    period = models.DateField(_("month"))  # the first day of the month
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.UNKNOWN
    )
    quantity = models.DecimalField(_("volume"), max_digits=14, decimal_places=2)
    source = models.CharField(max_length=8, choices=Source.choices)

    class Meta:
        ordering = ["period", "product", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "period", "channel"], name="one_volume_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product_id} {self.period:%m/%Y} {self.channel}"


class Driver(models.TextChoices):
    DIRECT = "direct", _("Direct cost of one product")
    HOURS = "hours", _("Working hours")
    AREA = "area", _("Square metres")
    OUTPUTS = "outputs", _("Number of outputs")
    FIXED = "fixed", _("Fixed share")


class CostCentre(models.Model):
    """A cost centre (kustannuspaikka): a product's own, or a support unit's."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the centre serves the whole organisation."),
    )
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=200)
    driver = models.CharField(
        _("allocation driver"), max_length=8, choices=Driver.choices
    )
    product = models.ForeignKey(
        Product,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cost_centres",
        help_text=_("For a direct cost centre: the product it belongs to."),
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="unique_cost_centre_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class DriverShare(models.Model):
    """A product's square metres or fixed share of a support centre."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    centre = models.ForeignKey(
        CostCentre, on_delete=models.CASCADE, related_name="shares"
    )
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(max_digits=14, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "product"], name="one_share_per_product"
            )
        ]

    def __str__(self) -> str:
        return f"{self.centre_id} → {self.product_id}: {self.value}"


class CostLine(models.Model):
    """One ledger line: a month's amount on a cost centre and account."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    period = models.DateField(_("month"))
    centre = models.ForeignKey(
        CostCentre, on_delete=models.PROTECT, related_name="lines"
    )
    account = models.CharField(_("account"), max_length=32)
    amount = models.DecimalField(_("amount (€)"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["period", "centre", "account"]

    def __str__(self) -> str:
        return f"{self.period:%m/%Y} {self.centre_id} {self.account}"


class HoursLine(models.Model):
    """A unit's working hours on a product in a month (never one person's)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    period = models.DateField(_("month"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="+")
    hours = models.DecimalField(_("hours"), max_digits=12, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit", "product"], name="one_hours_line"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period:%m/%Y} {self.unit_id} {self.product_id}"


class Headcount(models.Model):
    """How many people a unit had in a month: whether its hours may be shown."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    period = models.DateField(_("month"))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    staff = models.PositiveIntegerField(_("staff"))

    class Meta:
        ordering = ["period", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="one_headcount")
        ]

    def __str__(self) -> str:
        return f"{self.period:%m/%Y} {self.unit_id}: {self.staff}"


class PriceIndex(models.Model):
    """The price index of municipal basic services for one year."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("index"), max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="one_price_index_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.value}"
