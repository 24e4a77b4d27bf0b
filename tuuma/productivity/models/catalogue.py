"""The service products (palvelutuotteet) of each service area."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import can


class Channel(models.TextChoices):
    COUNTER = "counter", _("Counter")
    PHONE = "phone", _("Phone")
    POST = "post", _("Post")
    E_SERVICE = "e_service", _("E-service")
    SELF_SERVICE = "self_service", _("Self-service")
    UNKNOWN = "unknown", _("Not known")


class ProductGroup(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("product group")
        verbose_name_plural = _("product groups")

    def __str__(self) -> str:
        return self.name


class ProductQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "ProductQuerySet":
        """Staff see every product; residents the ones whose figures are public."""
        products = self.filter(organisation=organisation)
        if can(user, "productivity.view_all", organisation):
            return products
        return products.filter(is_published=True)


class Product(models.Model):
    """A service product and its unit of output (suorite)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("service area"),
    )
    group = models.ForeignKey(
        ProductGroup,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("product group"),
    )
    code = models.CharField(_("code"), max_length=32, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    output_unit = models.CharField(
        _("unit of output"),
        max_length=100,
        help_text=_("What one output is: a decision, a handled invoice, a meal."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("process"),
    )
    caselog = models.ForeignKey(
        "caselog.CaseLog",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case log"),
    )
    case_type_attribute = models.CharField(
        _("case-type attribute of the log"), max_length=100, blank=True
    )
    case_types = models.JSONField(
        _("case types"),
        default=list,
        blank=True,
        help_text=_("The case types of the log whose closed cases are the output."),
    )
    is_published = models.BooleanField(
        _("figures public"),
        default=False,
        help_text=_("Residents see its unit cost and digital share."),
    )

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["code", "name", "pk"]
        verbose_name = _("service product")
        verbose_name_plural = _("service products")

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("productivity:product", args=[self.pk])
