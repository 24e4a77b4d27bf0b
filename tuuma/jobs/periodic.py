"""The jobs app's periodic jobs: the daily and the weekly digest."""

from tuuma.jobs.models import Delivery
from tuuma.jobs.scheduler import Periodic
from tuuma.jobs.tasks import send_digests

PERIODIC_JOBS = [
    Periodic(Delivery.DAILY, send_digests, hour=7, kwargs={"digest": Delivery.DAILY}),
    Periodic(
        Delivery.WEEKLY,
        send_digests,
        hour=7,
        weekly=True,
        kwargs={"digest": Delivery.WEEKLY},
    ),
]
