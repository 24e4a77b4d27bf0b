"""The fishbone drawn from the cause list (the page has the same as a table)."""

from __future__ import annotations

import math

from tuuma.improvement.fishbone import categories

WIDTH, HEIGHT, SPINE_Y, HEAD_X = 720, 360, 180, 560


def _short(text: str, length: int = 28) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def fishbone(a3, causes) -> dict:
    bones = []
    names = categories(a3.fishbone_set)
    per_side = math.ceil(len(names) / 2) or 1
    gap = (HEAD_X - 60) / per_side
    for index, (key, name) in enumerate(names.items()):
        top = index % 2 == 0
        x = 60 + (index // 2) * gap
        end_y = 30 if top else HEIGHT - 30
        texts = [_short(c.text) for c in causes if c.category == key]
        bones.append(
            {
                "key": key,
                "name": str(name),
                "x1": round(x, 1),
                "y1": end_y,
                "x2": round(x + 70, 1),
                "y2": SPINE_Y,
                "label_y": end_y - 8 if top else end_y + 18,
                "causes": [
                    {
                        "text": text,
                        "x": round(x + 8 + 70 * (n + 1) / 5, 1),
                        "y": round(end_y + (SPINE_Y - end_y) * (n + 1) / 5, 1),
                    }
                    for n, text in enumerate(texts[:3])
                ],
                "more": max(len(texts) - 3, 0),
                "all": [c for c in causes if c.category == key],
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "spine_y": SPINE_Y,
        "head_x": HEAD_X,
        "head": _short(a3.title, 22),
        "bones": bones,
        "uncategorised": [c for c in causes if not c.category],
    }


def why_tree(causes) -> list[dict]:
    """The causes as nested chains: each node with its children (the next whys)."""
    children: dict[int | None, list] = {}
    for cause in causes:
        children.setdefault(cause.parent_id, []).append(cause)

    def node(cause, depth: int) -> dict:
        return {
            "cause": cause,
            "depth": depth,
            "children": [node(c, depth + 1) for c in children.get(cause.pk, [])],
        }

    return [node(c, 1) for c in children.get(None, [])]
