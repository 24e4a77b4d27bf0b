"""Suggested duplicates among a section's comments: shared words (Jaccard).

Good enough to point staff at near-copies ("lähikirjasto on tärkeä" twice); the
grouping itself stays a person's decision."""

import re

from tuuma.hearings.models import Comment

THRESHOLD = 0.5
MIN_WORD = 4


def _words(text: str) -> set[str]:
    # The first five letters stand in for a stem: Finnish inflects word endings.
    return {w[:5] for w in re.findall(r"\w+", text.lower()) if len(w) >= MIN_WORD}


def suggested_pairs(comments: list[Comment], limit: int = 20) -> list[tuple]:
    """(comment, comment, similarity) pairs above the threshold, closest first."""
    words = [(c, _words(c.body)) for c in comments]
    pairs = []
    for i, (first, a) in enumerate(words):
        for second, b in words[i + 1 :]:
            if not a or not b:
                continue
            score = len(a & b) / len(a | b)
            if score >= THRESHOLD:
                pairs.append((first, second, round(score, 2)))
    pairs.sort(key=lambda pair: -pair[2])
    return pairs[:limit]
