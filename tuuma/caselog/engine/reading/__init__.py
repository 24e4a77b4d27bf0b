"""Readers turn a source file into chunks of events in file order.

Every chunk is a Polars DataFrame with the columns ``_case`` (string),
``_activity`` (string), ``_time`` (``Datetime("us", "UTC")``), the event
attributes under their own names and the case attributes prefixed ``case:``.
"""
