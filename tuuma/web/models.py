from django.db import models


class RateHit(models.Model):
    """One counted hit of a rate-limit key, shared by every process via the DB.

    A sliding window counts the rows of a key younger than its period, so a limit
    ends a full period after the hits that tripped it (a fixed window would let
    twice the limit through across a boundary).
    """

    key = models.CharField(max_length=200)
    at = models.DateTimeField()

    class Meta:
        ordering = ["key", "at"]
        indexes = [models.Index(fields=["key", "at"], name="rate_hit_key_at")]

    def __str__(self) -> str:
        return f"{self.key}@{self.at:%Y-%m-%d %H:%M:%S}"
