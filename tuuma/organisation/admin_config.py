from django.contrib.admin.apps import AdminConfig


class TuumaAdminConfig(AdminConfig):
    """Django's admin with Tuuma's site (see tuuma.organisation.admin_site)."""

    default_site = "tuuma.organisation.admin_site.TuumaAdminSite"
