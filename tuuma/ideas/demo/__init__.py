"""Demo ideas for Esimerkkilä: every state, supports, comments, answers and a
couple of overdue ones. Built with the real actions, then dated into the past.

``data`` holds the ideas as rows; ``builders`` turns them into ideas, handling,
participation and dates."""

from tuuma.ideas.demo.builders import seed

__all__ = ["seed"]
