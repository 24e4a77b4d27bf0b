"""``manage.py worker`` with a pause after each person's digest (``DIGEST_PAUSE``
seconds), so a test can kill the worker in the middle of a digest run.

Run as ``python -m tuuma.jobs.tests.slow_worker [worker options]``.
"""

import os
import sys
import time

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuuma.settings")
    django.setup()
    from django.core.management import call_command

    from tuuma.jobs import tasks

    real = tasks._digest_one
    pause = float(os.environ.get("DIGEST_PAUSE", "0"))

    def slowly(user_id: int, digest: str) -> bool:
        sent = real(user_id, digest)
        time.sleep(pause)
        return sent

    tasks._digest_one = slowly  # send_digests looks it up at each call
    call_command("worker", *sys.argv[1:])


if __name__ == "__main__":
    main()
