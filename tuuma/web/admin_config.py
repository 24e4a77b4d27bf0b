from django.contrib.admin.apps import AdminConfig


class TuumaAdminConfig(AdminConfig):
    """Django's admin with Tuuma's site (see tuuma.web.admin_site)."""

    default_site = "tuuma.web.admin_site.TuumaAdminSite"
