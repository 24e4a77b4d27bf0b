"""Which products a programme measure is meant to change, and what it expects."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation
from tuuma.productivity.models.catalogue import Product


class MeasureProduct(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    measure = models.ForeignKey(
        "programme.Measure", on_delete=models.CASCADE, related_name="+"
    )
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="measure_links"
    )
    expected_unit_cost = models.DecimalField(
        _("expected unit cost (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    expected_digital_share = models.DecimalField(
        _("expected digital share (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "product"], name="one_link_per_measure_product"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} → {self.product_id}"
