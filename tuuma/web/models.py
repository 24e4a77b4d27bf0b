from django.db import models


class RateCounter(models.Model):
    """Hits of one key in one fixed time window; shared by every process via the DB."""

    key = models.CharField(max_length=200)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["key", "window"]
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="unique_rate_window")
        ]

    def __str__(self) -> str:
        return f"{self.key}@{self.window}: {self.count}"
