from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using: str = "default", **kwargs) -> None:
    """The database cache's table comes with `migrate`, so no deployment forgets it.

    `createcachetable` does nothing when the table exists or the cache is Redis.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class WebConfig(AppConfig):
    name = "tuuma.web"
    verbose_name = _("Web pages")

    def ready(self) -> None:
        post_migrate.connect(
            create_cache_table, sender=self, dispatch_uid="tuuma.web.cache_table"
        )
        from tuuma.web import pagecache

        pagecache.connect_signals()
