from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Staff roles. A resident is anyone signed in without a staff membership."""

    EMPLOYEE = "employee", _("Employee")
    MODERATOR = "moderator", _("Moderator")
    PROCESS_OWNER = "process_owner", _("Process owner")
    PRODUCTIVITY_LEAD = "productivity_lead", _("Productivity lead")
    CASELOG_ANALYST = "caselog_analyst", _("Case-log analyst")
    MANAGER = "manager", _("Manager")
    ADMINISTRATOR = "administrator", _("Administrator")
