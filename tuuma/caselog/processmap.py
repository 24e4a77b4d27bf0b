"""The process map: the strongest paths of the directly-follows graph, laid out
by Graphviz ``dot`` and drawn as an accessible SVG.

A map people can read has a cap: ``detail`` picks a level of ``DETAIL_LEVELS``
(at most so many activities and so many transitions). The most frequent
activities are kept; every kept activity keeps its busiest way in and out
(the backbone, so nothing hangs loose); the remaining room goes to the most
frequent transitions among kept activities. What is not drawn is counted.
"""

import textwrap
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tuuma.caselog.formatting import duration, number
from tuuma.caselog.graphviz import dot_layout, quote

START, END = "\x00start", "\x00end"
# (activities, transitions) drawn at each level. The last level is a cap too:
# ``dot`` needs minutes for the 1,744 transitions of a 400-activity log, and
# nobody reads such a drawing; the table and the downloads have all of them.
DETAIL_LEVELS: list[tuple[int, int]] = [
    (6, 12),
    (10, 20),
    (15, 30),
    (20, 40),
    (30, 60),
    (50, 100),
    (80, 160),
]
DEFAULT_DETAIL = 3
MAX_CAPPED_NODES = 2 + DETAIL_LEVELS[DEFAULT_DETAIL - 1][0]
MAX_CAPPED_EDGES = DETAIL_LEVELS[DEFAULT_DETAIL - 1][1]
POINTS_PER_INCH = 72
LINE_HEIGHT = 14
LINE_WIDTH = 24  # characters of an activity name per line, two lines at most


@dataclass
class Node:
    name: str
    count: int
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0

    @property
    def terminal(self) -> bool:
        return self.name in (START, END)

    @property
    def label(self) -> str:
        if self.name == START:
            return pgettext("beginning", "Start")
        if self.name == END:
            return _("End")
        return self.name


@dataclass
class Edge:
    source: str
    target: str
    count: int
    median_seconds: float | None = None
    p90_seconds: float | None = None
    width: float = 1.0
    path: str = ""
    label_x: float = 0.0
    label_y: float = 0.0


@dataclass
class ProcessMap:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    width: int = 0
    height: int = 0
    hidden_edges: int = 0
    hidden_activities: int = 0
    drawn_share: float = 1.0  # of all transitions (by count) drawn


def detail_level(detail: int) -> tuple[int, int]:
    return DETAIL_LEVELS[max(1, min(detail, len(DETAIL_LEVELS))) - 1]


def process_map(
    edges: list[dict],
    activity_counts: dict[str, int],
    start_activities: dict[str, int],
    end_activities: dict[str, int],
    *,
    detail: int = DEFAULT_DETAIL,
    measure: str = "frequency",
) -> ProcessMap:
    """Select and lay out the DFG rows of the engine (``dfg(view)``)."""
    all_edges = [
        Edge(
            e["source"],
            e["target"],
            e["count"],
            e["median_seconds"],
            e.get("p90_seconds"),
        )
        for e in edges
    ]
    all_edges += [Edge(START, a, n) for a, n in start_activities.items()]
    all_edges += [Edge(a, END, n) for a, n in end_activities.items()]
    max_activities, max_edges = detail_level(detail)
    ranked_activities = sorted(activity_counts, key=lambda a: (-activity_counts[a], a))
    shown = set(ranked_activities[:max_activities]) | {START, END}
    kept = _strongest(all_edges, shown, max_edges)
    names = {e.source for e in kept} | {e.target for e in kept}
    counts = {
        **activity_counts,
        START: sum(start_activities.values()),
        END: sum(end_activities.values()),
    }
    result = ProcessMap(
        nodes={n: Node(n, counts.get(n, 0)) for n in sorted(names)},
        edges=kept,
        hidden_edges=len(all_edges) - len(kept),
        hidden_activities=len(set(activity_counts) - names),
    )
    total = sum(e.count for e in all_edges)
    result.drawn_share = sum(e.count for e in kept) / total if total else 1.0
    _widths(kept, measure)
    _layout(result, measure)
    return result


def _strongest(edges: list[Edge], shown: set[str], cap: int) -> list[Edge]:
    """The backbone of ``shown`` plus the most frequent other edges, up to ``cap``."""
    ranked = sorted(
        (e for e in edges if e.source in shown and e.target in shown),
        key=lambda e: (-e.count, e.source, e.target),
    )
    best_in: dict[str, Edge] = {}
    best_out: dict[str, Edge] = {}
    for e in ranked:
        if e.source != e.target:
            best_in.setdefault(e.target, e)
            best_out.setdefault(e.source, e)
    kept = {id(e) for e in (*best_in.values(), *best_out.values())}
    for e in ranked:
        if len(kept) >= cap:
            break
        kept.add(id(e))
    return [e for e in ranked if id(e) in kept]


def _widths(edges: list[Edge], measure: str) -> None:
    def value(e: Edge) -> float:
        return (e.median_seconds or 0.0) if measure == "wait" else float(e.count)

    high = max((value(e) for e in edges), default=1.0) or 1.0
    for e in edges:
        e.width = round(1.0 + 5.0 * value(e) / high, 1)


def edge_label(edge: Edge, measure: str) -> str:
    if measure == "wait":
        return duration(edge.median_seconds) if edge.median_seconds is not None else ""
    return number(edge.count)


def label_lines(label: str) -> list[str]:
    """An activity name in at most two lines; a longer one ends in an ellipsis
    (the full name is in the node's tooltip and in the table)."""
    lines = textwrap.wrap(" ".join(label.split()), LINE_WIDTH) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: LINE_WIDTH - 1] + "…"]
    return lines


def _dot_source(chart: ProcessMap, ids: dict[str, str], measure: str) -> str:
    lines = [
        "digraph map {",
        'graph [rankdir=TB, nodesep=0.35, ranksep=0.45, fontname="Helvetica"];',
        'node [shape=box, fontname="Helvetica", fontsize=12, height=0.5, '
        'margin="0.15,0.05"];',
        'edge [fontname="Helvetica", fontsize=11];',
    ]
    for name, node in chart.nodes.items():
        label = quote("\n".join([*label_lines(node.label), number(node.count)]))
        lines.append(f"{ids[name]} [label={label}];")
    for e in chart.edges:
        label = quote(edge_label(e, measure))
        lines.append(
            f"{ids[e.source]} -> {ids[e.target]} "
            f"[label={label}, penwidth={e.width}, weight={max(1, e.count)}];"
        )
    lines.append("}")
    return "\n".join(lines)


def _layout(chart: ProcessMap, measure: str) -> None:
    """Positions from ``dot``: nodes' centres and sizes, edges' splines."""
    ids = {name: f"n{index}" for index, name in enumerate(chart.nodes)}
    names = {value: key for key, value in ids.items()}
    graph = dot_layout(_dot_source(chart, ids, measure))
    _x0, _y0, right, top = (float(v) for v in graph["bb"].split(","))
    chart.width, chart.height = round(right) + 8, round(top) + 8

    def point(text: str) -> tuple[float, float]:
        x, y = text.split(",")[-2:]
        return round(float(x) + 4, 1), round(top - float(y) + 4, 1)

    name_of_gvid = {}
    for obj in graph.get("objects", []):
        node = chart.nodes[names[obj["name"]]]
        node.x, node.y = point(obj["pos"])
        node.width = float(obj["width"]) * POINTS_PER_INCH
        node.height = float(obj["height"]) * POINTS_PER_INCH
        name_of_gvid[obj["_gvid"]] = node.name
    drawn_edges = {
        (name_of_gvid[d["tail"]], name_of_gvid[d["head"]]): d
        for d in graph.get("edges", [])
    }
    for edge in chart.edges:
        drawn = drawn_edges[(edge.source, edge.target)]
        edge.path = _spline(drawn["pos"], point)
        if "lp" in drawn:
            edge.label_x, edge.label_y = point(drawn["lp"])


def _spline(pos: str, point) -> str:
    """SVG path data for a Graphviz edge ``pos`` ("e,x,y p0 p1 p2 p3 …")."""
    end = None
    controls = []
    for part in pos.split():
        if part.startswith("e,"):
            end = point(part)
        elif not part.startswith("s,"):
            controls.append(point(part))
    first, rest = controls[0], controls[1:]
    data = [f"M{first[0]},{first[1]}"]
    for index in range(0, len(rest) - 2, 3):
        (ax, ay), (bx, by), (cx, cy) = rest[index : index + 3]
        data.append(f"C{ax},{ay} {bx},{by} {cx},{cy}")
    if end is not None:
        data.append(f"L{end[0]},{end[1]}")
    return " ".join(data)


def render_process_map_svg(
    chart: ProcessMap, *, measure: str, title: str, desc: str
) -> SafeString:
    """The map as a standalone, accessible SVG element."""
    defs = mark_safe(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" '
        'orient="auto-start-reverse">'
        '<path class="arrow-head" d="M0,0 L10,5 L0,10 z" fill="#4a6690"/></marker></defs>'
    )
    return format_html(
        '<svg class="process-map" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" aria-labelledby="map-title map-desc" '
        'font-family="Helvetica, Arial, sans-serif" xmlns="http://www.w3.org/2000/svg">'
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
    rows = []
    for edge in chart.edges:
        tooltip = _(
            "%(source)s → %(target)s: %(count)s times, median wait %(wait)s"
        ) % {
            "source": chart.nodes[edge.source].label,
            "target": chart.nodes[edge.target].label,
            "count": number(edge.count),
            "wait": duration(edge.median_seconds),
        }
        rows.append(
            (
                tooltip,
                edge.path,
                edge.width,
                edge.label_x,
                edge.label_y,
                edge_label(edge, measure),
            )
        )
    return format_html_join(
        "",
        '<g class="edge"><title>{}</title>'
        '<path d="{}" fill="none" stroke="#4a6690" stroke-width="{}" '
        'marker-end="url(#arrow)"/>'
        '<text class="edge-label" x="{}" y="{}" text-anchor="middle" '
        'dominant-baseline="central" font-size="11" fill="#1b1b1b" '
        'stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text></g>',
        rows,
    )


def _svg_nodes(chart: ProcessMap) -> SafeString:
    return mark_safe("".join(_svg_node(n) for n in chart.nodes.values()))  # noqa: S308 - escaped in _svg_node


def _svg_node(node: Node) -> SafeString:
    """A box with the name (one or two lines) above the count, centred."""
    lines = [*label_lines(node.label), number(node.count)]
    colour = "#ffffff" if node.terminal else "#1b1b1b"
    top = node.y - (len(lines) - 1) * LINE_HEIGHT / 2
    text = format_html_join(
        "",
        '<tspan x="{}" y="{}"{}>{}</tspan>',
        (
            (
                node.x,
                round(top + index * LINE_HEIGHT, 1),
                mark_safe(' class="node-count" font-size="11"')
                if index == len(lines) - 1
                else "",
                line,
            )
            for index, line in enumerate(lines)
        ),
    )
    return format_html(
        '<g class="node{}"><title>{}: {}</title>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" '
        'stroke="#1f4e8c" stroke-width="1.5"/>'
        '<text text-anchor="middle" dominant-baseline="central" font-size="12" '
        'fill="{}">{}</text></g>',
        " terminal" if node.terminal else "",
        node.label,
        number(node.count),
        round(node.x - node.width / 2, 1),
        round(node.y - node.height / 2, 1),
        round(node.width, 1),
        round(node.height, 1),
        "#1f4e8c" if node.terminal else "#eef3fa",
        colour,
        text,
    )
