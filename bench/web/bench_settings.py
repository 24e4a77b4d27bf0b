"""Tuuma's settings with one more URL: the bare view the pages are measured against."""

from tuuma.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
