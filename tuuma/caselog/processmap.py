"""A layered drawing of the directly-follows graph, in pure Python.

Activities are ranked by breadth-first distance from a virtual start node
(placed in rows from top to bottom), ordered within a row by the mean position
of their predecessors, and edges are drawn as curves with arrow heads whose
width follows the edge's frequency or median waiting time. ``detail`` (5–100)
keeps that share of the most frequent edges, and the activities they touch.
"""

import math
from collections import defaultdict, deque
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tuuma.caselog.formatting import duration, number

START, END = "\x00start", "\x00end"
NODE_W, NODE_H, GAP_X, GAP_Y, MARGIN = 190, 40, 30, 70, 30
SIDE = 150  # room left and right for edges that skip rows or loop back


@dataclass
class Node:
    name: str
    count: int
    rank: int = 0
    order: float = 0.0
    x: float = 0.0
    y: float = 0.0

    @property
    def label(self) -> str:
        if self.name == START:
            return _("Start")
        if self.name == END:
            return _("End")
        return self.name


@dataclass
class Edge:
    source: str
    target: str
    count: int
    median_seconds: float | None
    width: float = 1.0


@dataclass
class ProcessMap:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    width: int = 0
    height: int = 0
    hidden_edges: int = 0
    hidden_activities: int = 0


def layout_process_map(
    edges: list[dict],
    activity_counts: dict[str, int],
    start_activities: dict[str, int],
    end_activities: dict[str, int],
    *,
    detail: int = 60,
    measure: str = "frequency",
) -> ProcessMap:
    """Lay out the DFG rows of the engine (``dfg(view)``) with start and end."""
    all_edges = [
        Edge(e["source"], e["target"], e["count"], e["median_seconds"]) for e in edges
    ]
    all_edges += [Edge(START, a, n, None) for a, n in start_activities.items()]
    all_edges += [Edge(a, END, n, None) for a, n in end_activities.items()]
    kept = _keep(all_edges, detail)
    names = {e.source for e in kept} | {e.target for e in kept}
    result = ProcessMap()
    result.hidden_edges = len(all_edges) - len(kept)
    result.hidden_activities = len(set(activity_counts) - names)
    counts = {
        **activity_counts,
        START: sum(start_activities.values()),
        END: sum(end_activities.values()),
    }
    result.nodes = {n: Node(n, counts.get(n, 0)) for n in names}
    _rank(result.nodes, kept)
    _order(result.nodes, kept)
    _place(result)
    _widths(kept, measure)
    result.edges = kept
    return result


def _keep(edges: list[Edge], detail: int) -> list[Edge]:
    """The top ``detail`` % of edges by count, plus the busiest path in and out
    of every activity shown, so that no shown activity hangs loose."""
    ranked = sorted(edges, key=lambda e: (-e.count, e.source, e.target))
    n = max(1, math.ceil(len(ranked) * detail / 100))
    kept = set(map(id, ranked[:n]))
    pending = [name for e in ranked[:n] for name in (e.source, e.target)]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for side, other, end in (
            ("target", "source", START),
            ("source", "target", END),
        ):
            if name == end:
                continue
            touching = [e for e in ranked if getattr(e, side) == name]
            if touching and not any(id(e) in kept for e in touching):
                kept.add(id(touching[0]))
                pending.append(getattr(touching[0], other))
    return [e for e in ranked if id(e) in kept]


def _rank(nodes: dict[str, Node], edges: list[Edge]) -> None:
    """Longest path from the start once the edges that loop back are set aside.

    A depth-first search from the start (busiest edges first) marks an edge back
    when it returns to an activity still on the search path.
    """
    successors = defaultdict(list)
    for e in sorted(edges, key=lambda e: (-e.count, e.source, e.target)):
        if e.source != e.target:
            successors[e.source].append(e.target)
    back, state = set(), {}
    roots = [START] if START in nodes else []
    roots += sorted(n for n in nodes if n != START)
    for root in roots:
        if root in state:
            continue
        state[root] = "open"
        stack = [(root, iter(successors[root]))]
        while stack:
            current, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[current] = "done"
                stack.pop()
            elif state.get(child) == "open":
                back.add((current, child))
            elif child not in state:
                state[child] = "open"
                stack.append((child, iter(successors[child])))
    forward = defaultdict(list)
    indegree = dict.fromkeys(nodes, 0)
    for source, targets in successors.items():
        for target in targets:
            if (source, target) not in back:
                forward[source].append(target)
                indegree[target] += 1
    rank = dict.fromkeys(nodes, 0)
    queue = deque(n for n, d in indegree.items() if d == 0)
    while queue:
        current = queue.popleft()
        for target in forward[current]:
            rank[target] = max(rank[target], rank[current] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                queue.append(target)
    for name, node in nodes.items():
        node.rank = rank[name]
    if END in nodes:
        nodes[END].rank = max(n.rank for n in nodes.values() if n.name != END) + 1


def _order(nodes: dict[str, Node], edges: list[Edge]) -> None:
    """Within a row, by the weighted mean position of the predecessors."""
    predecessors = defaultdict(list)
    for e in edges:
        predecessors[e.target].append((e.source, e.count))
    rows = defaultdict(list)
    for node in nodes.values():
        rows[node.rank].append(node)
    for rank in sorted(rows):
        row = rows[rank]
        for node in row:
            earlier = [
                (nodes[s].order, w)
                for s, w in predecessors[node.name]
                if nodes[s].rank < rank
            ]
            total = sum(w for _o, w in earlier)
            node.order = (
                sum(o * w for o, w in earlier) / total if total else -node.count
            )
        row.sort(key=lambda n: (n.order, -n.count, n.name))
        for index, node in enumerate(row):
            node.order = index - (len(row) - 1) / 2


def _place(result: ProcessMap) -> None:
    rows = defaultdict(list)
    for node in result.nodes.values():
        rows[node.rank].append(node)
    widest = max(len(r) for r in rows.values())
    result.width = int(2 * MARGIN + widest * NODE_W + (widest - 1) * GAP_X) + 2 * SIDE
    centre = result.width / 2
    for rank, row in rows.items():
        for node in row:
            node.x = round(centre + node.order * (NODE_W + GAP_X) - NODE_W / 2, 1)
            node.y = MARGIN + rank * (NODE_H + GAP_Y)
    result.height = int(MARGIN * 2 + (max(rows) + 1) * (NODE_H + GAP_Y))


def _widths(edges: list[Edge], measure: str) -> None:
    def value(e: Edge) -> float:
        return (e.median_seconds or 0.0) if measure == "wait" else float(e.count)

    high = max((value(e) for e in edges), default=1.0) or 1.0
    for e in edges:
        e.width = round(1.0 + 9.0 * value(e) / high, 1)


def _path(source: Node, target: Node, index: int) -> tuple[str, float, float]:
    """SVG path data and a label position for one edge."""
    if source is target:
        x, y = source.x + NODE_W, source.y + NODE_H / 2
        return (
            f"M{x},{y - 8} C{x + 40},{y - 30} {x + 40},{y + 30} {x},{y + 8}",
            x + 34,
            y,
        )
    if target.rank > source.rank + 1:
        # Skipping rows: leave and enter on the left, around the rows between.
        x1, y1 = source.x, source.y + NODE_H / 2 + 6
        x2, y2 = target.x, target.y + NODE_H / 2 - 6
        bulge = 40 + 18 * (index % 4) + (target.rank - source.rank) * 8
        return (
            f"M{x1},{y1} C{x1 - bulge},{y1} {x2 - bulge},{y2} {x2},{y2}",
            min(x1, x2) - bulge * 0.75 - 10,
            (y1 + y2) / 2,
        )
    if target.rank > source.rank:
        x1, y1 = source.x + NODE_W / 2, source.y + NODE_H
        x2, y2 = target.x + NODE_W / 2, target.y
        bend = (y2 - y1) / 2
        return (
            f"M{x1},{y1} C{x1},{y1 + bend} {x2},{y2 - bend} {x2},{y2}",
            (x1 + x2) / 2 + 10,
            (y1 + y2) / 2 + 4,
        )
    # Backward or sideways: leave and enter on the right, bulging outwards.
    x1, y1 = source.x + NODE_W, source.y + NODE_H / 2 - 6
    x2, y2 = target.x + NODE_W, target.y + NODE_H / 2 + 6
    bulge = 50 + 18 * (index % 4) + abs(source.rank - target.rank) * 10
    return (
        f"M{x1},{y1} C{x1 + bulge},{y1} {x2 + bulge},{y2} {x2},{y2}",
        max(x1, x2) + bulge * 0.75,
        (y1 + y2) / 2,
    )


def edge_label(edge: Edge, measure: str) -> str:
    if measure == "wait":
        return duration(edge.median_seconds) if edge.median_seconds is not None else ""
    return number(edge.count)


def render_process_map_svg(
    chart: ProcessMap, *, measure: str, title: str, desc: str
) -> SafeString:
    """The map as a standalone, accessible SVG element."""
    defs = mark_safe(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" '
        'orient="auto-start-reverse">'
        '<path class="arrow-head" d="M0,0 L10,5 L0,10 z" fill="#4a6690"/></marker></defs>'
    )
    return format_html(
        '<svg class="process-map" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" aria-labelledby="map-title map-desc" '
        'font-family="sans-serif" xmlns="http://www.w3.org/2000/svg">'
        '<title id="map-title">{}</title><desc id="map-desc">{}</desc>{}{}{}</svg>',
        chart.width,
        chart.height,
        chart.width,
        chart.height,
        title,
        desc,
        defs,
        _svg_edges(chart, measure),
        _svg_nodes(chart),
    )


def _svg_edges(chart: ProcessMap, measure: str) -> SafeString:
    parts = []
    for index, edge in enumerate(chart.edges):
        source, target = chart.nodes[edge.source], chart.nodes[edge.target]
        data, lx, ly = _path(source, target, index)
        tooltip = _(
            "%(source)s → %(target)s: %(count)s times, median wait %(wait)s"
        ) % {
            "source": source.label,
            "target": target.label,
            "count": number(edge.count),
            "wait": duration(edge.median_seconds),
        }
        parts.append(
            format_html(
                '<g class="edge"><title>{}</title>'
                '<path d="{}" fill="none" stroke="#4a6690" stroke-width="{}" '
                'marker-end="url(#arrow)"/>'
                '<text class="edge-label" x="{}" y="{}" font-size="12" '
                'fill="#1b1b1b">{}</text></g>',
                tooltip,
                data,
                edge.width,
                round(lx, 1),
                round(ly, 1),
                edge_label(edge, measure),
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - each part escaped above


def _svg_nodes(chart: ProcessMap) -> SafeString:
    return format_html_join(
        "",
        '<g class="node{}"><title>{}: {}</title>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" '
        'stroke="#1f4e8c" stroke-width="1.5"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{}">{}</text>'
        '<text class="node-count" x="{}" y="{}" text-anchor="middle" '
        'font-size="11" fill="{}">{}</text></g>',
        (
            (
                " terminal" if n.name in (START, END) else "",
                n.label,
                number(n.count),
                n.x,
                n.y,
                NODE_W,
                NODE_H,
                "#1f4e8c" if n.name in (START, END) else "#eef3fa",
                n.x + NODE_W / 2,
                n.y + 17,
                "#ffffff" if n.name in (START, END) else "#1b1b1b",
                _short(n.label),
                n.x + NODE_W / 2,
                n.y + 33,
                "#ffffff" if n.name in (START, END) else "#1b1b1b",
                number(n.count),
            )
            for n in chart.nodes.values()
        ),
    )


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
