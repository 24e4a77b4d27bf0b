"""BPMN 2.0 export of a version's step table, and import of a simple flow.

Export: one pool, a lane per performer role, a task per step, sequence flows in
table order, and a diverging and a converging parallel gateway around each
parallel group (one path per branch). A diagram (BPMNDI) with a plain grid
layout is included so that modelling tools draw it.

Import: tasks, lanes and sequence flows of the first process, ordered along the
flows from the start; paths between a diverging and a converging parallel
gateway become a parallel group, a path per branch. Anything else (events,
exclusive gateways) is skipped. The XML may not declare a DTD or entities.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - DTDs are refused before parsing
from dataclasses import dataclass, field

from tuuma.processes.vsm import Block, segments

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
TASK_TAGS = {
    "task",
    "userTask",
    "manualTask",
    "serviceTask",
    "sendTask",
    "receiveTask",
    "scriptTask",
    "businessRuleTask",
}
LANE_H, COL_W, LEFT = 140, 150, 80
SIZES = {"task": (100, 80), "gateway": (50, 50), "event": (36, 36)}


class BpmnError(ValueError):
    pass


@dataclass
class _Node:
    id: str
    kind: str  # task, gateway, event
    tag: str
    name: str = ""
    lane: int = 0
    column: int = 0
    attrs: dict = field(default_factory=dict)


def export(process_name: str, steps: list) -> bytes:
    """``steps``: objects with name, performer_role, parallel_group, branch."""
    roles = list(dict.fromkeys(s.performer_role or "-" for s in steps)) or ["-"]
    nodes: list[_Node] = [_Node("StartEvent_1", "event", "startEvent")]
    flows: list[tuple[str, str]] = []
    previous = ["StartEvent_1"]
    column = 1
    blocks = [
        Block(s.name, 0, 0, group=s.parallel_group, branch=s.branch) for s in steps
    ]

    def task(index: int, col: int) -> str:
        step = steps[index]
        node = _Node(
            f"Task_{index + 1}",
            "task",
            "task",
            step.name,
            roles.index(step.performer_role or "-"),
            col,
        )
        nodes.append(node)
        return node.id

    for number, segment in enumerate(segments(blocks), start=1):
        if not segment.parallel:
            current = task(segment.branches[0][0], column)
            flows += [(p, current) for p in previous]
            previous, column = [current], column + 1
            continue
        lane = roles.index(steps[segment.branches[0][0]].performer_role or "-")
        fork = _Node(
            f"Gateway_{number}_fork",
            "gateway",
            "parallelGateway",
            lane=lane,
            column=column,
            attrs={"gatewayDirection": "Diverging"},
        )
        nodes.append(fork)
        flows += [(p, fork.id) for p in previous]
        ends = []
        for branch in segment.branches:
            last = fork.id
            for offset, index in enumerate(branch, start=1):
                current = task(index, column + offset)
                flows.append((last, current))
                last = current
            ends.append(last)
        column += max(len(b) for b in segment.branches) + 1
        join = _Node(
            f"Gateway_{number}_join",
            "gateway",
            "parallelGateway",
            lane=lane,
            column=column,
            attrs={"gatewayDirection": "Converging"},
        )
        nodes.append(join)
        flows += [(e, join.id) for e in ends]
        previous, column = [join.id], column + 1
    nodes.append(
        _Node(
            "EndEvent_1",
            "event",
            "endEvent",
            lane=nodes[-1].lane if len(nodes) > 1 else 0,
            column=column,
        )
    )
    flows += [(p, "EndEvent_1") for p in previous]
    return _write(process_name, roles, nodes, flows)


def _write(name: str, roles: list[str], nodes: list[_Node], flows) -> bytes:
    ET.register_namespace("bpmn", BPMN)
    ET.register_namespace("bpmndi", BPMNDI)
    ET.register_namespace("dc", DC)
    ET.register_namespace("di", DI)
    root = ET.Element(
        f"{{{BPMN}}}definitions",
        {"id": "Definitions_1", "targetNamespace": "https://tuuma.fi/bpmn"},
    )
    collaboration = ET.SubElement(
        root, f"{{{BPMN}}}collaboration", {"id": "Collaboration_1"}
    )
    ET.SubElement(
        collaboration,
        f"{{{BPMN}}}participant",
        {"id": "Participant_1", "name": name, "processRef": "Process_1"},
    )
    process = ET.SubElement(
        root,
        f"{{{BPMN}}}process",
        {"id": "Process_1", "name": name, "isExecutable": "false"},
    )
    lane_set = ET.SubElement(process, f"{{{BPMN}}}laneSet", {"id": "LaneSet_1"})
    for number, role in enumerate(roles):
        lane = ET.SubElement(
            lane_set, f"{{{BPMN}}}lane", {"id": f"Lane_{number + 1}", "name": role}
        )
        for node in nodes:
            if node.lane == number:
                ET.SubElement(lane, f"{{{BPMN}}}flowNodeRef").text = node.id
    ids = [(f"Flow_{i + 1}", s, t) for i, (s, t) in enumerate(flows)]
    for node in nodes:
        element = ET.SubElement(
            process,
            f"{{{BPMN}}}{node.tag}",
            {"id": node.id, **({"name": node.name} if node.name else {}), **node.attrs},
        )
        for flow_id, _source, target in ids:
            if target == node.id:
                ET.SubElement(element, f"{{{BPMN}}}incoming").text = flow_id
        for flow_id, source, _target in ids:
            if source == node.id:
                ET.SubElement(element, f"{{{BPMN}}}outgoing").text = flow_id
    for flow_id, source, target in ids:
        ET.SubElement(
            process,
            f"{{{BPMN}}}sequenceFlow",
            {"id": flow_id, "sourceRef": source, "targetRef": target},
        )
    _diagram(root, roles, nodes, ids)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _bounds(node: _Node) -> tuple[int, int, int, int]:
    width, height = SIZES[node.kind]
    x = LEFT + 40 + node.column * COL_W + (100 - width) // 2
    y = node.lane * LANE_H + (LANE_H - height) // 2
    return x, y, width, height


def _diagram(root, roles: list[str], nodes: list[_Node], ids) -> None:
    diagram = ET.SubElement(root, f"{{{BPMNDI}}}BPMNDiagram", {"id": "BPMNDiagram_1"})
    plane = ET.SubElement(
        diagram,
        f"{{{BPMNDI}}}BPMNPlane",
        {"id": "BPMNPlane_1", "bpmnElement": "Collaboration_1"},
    )
    width = LEFT + 80 + (max(n.column for n in nodes) + 1) * COL_W

    def shape(element: str, x: int, y: int, w: int, h: int, **extra) -> None:
        item = ET.SubElement(
            plane,
            f"{{{BPMNDI}}}BPMNShape",
            {"id": f"{element}_di", "bpmnElement": element, **extra},
        )
        ET.SubElement(
            item,
            f"{{{DC}}}Bounds",
            {"x": str(x), "y": str(y), "width": str(w), "height": str(h)},
        )

    shape("Participant_1", 0, 0, width, LANE_H * len(roles), isHorizontal="true")
    for number in range(len(roles)):
        shape(
            f"Lane_{number + 1}",
            30,
            number * LANE_H,
            width - 30,
            LANE_H,
            isHorizontal="true",
        )
    where = {}
    for node in nodes:
        x, y, w, h = _bounds(node)
        shape(node.id, x, y, w, h)
        where[node.id] = (x, y, w, h)
    for flow_id, source, target in ids:
        edge = ET.SubElement(
            plane,
            f"{{{BPMNDI}}}BPMNEdge",
            {"id": f"{flow_id}_di", "bpmnElement": flow_id},
        )
        sx, sy, sw, sh = where[source]
        tx, ty, tw, th = where[target]
        for x, y in ((sx + sw, sy + sh // 2), (tx, ty + th // 2)):
            ET.SubElement(edge, f"{{{DI}}}waypoint", {"x": str(x), "y": str(y)})


def read(data: bytes) -> list[dict]:
    """Steps (name, performer_role, parallel_group, branch) of a simple flow."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise BpmnError("DTD")
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD, see above
    except ET.ParseError as error:
        raise BpmnError("XML") from error
    process = root.find(f"{{{BPMN}}}process")
    if process is None:
        raise BpmnError("process")
    role_of = {}
    for lane in process.iter(f"{{{BPMN}}}lane"):
        for ref in lane.findall(f"{{{BPMN}}}flowNodeRef"):
            role_of[(ref.text or "").strip()] = lane.get("name") or ""
    kinds = {}
    names = {}
    for element in process:
        local = element.tag.split("}")[-1]
        kinds[element.get("id")] = local
        names[element.get("id")] = element.get("name") or ""
    following: dict[str, list[str]] = {}
    for flow in process.iter(f"{{{BPMN}}}sequenceFlow"):
        following.setdefault(flow.get("sourceRef"), []).append(flow.get("targetRef"))
    starts = [i for i, k in kinds.items() if k == "startEvent"] or [
        i for i in kinds if i not in {t for ts in following.values() for t in ts}
    ]
    rows: list[dict] = []
    seen: set[str] = set()
    _walk(
        starts,
        following,
        kinds,
        seen,
        rows,
        names,
        role_of,
        group="",
        branch="",
        groups=[0],
    )
    if not rows:
        raise BpmnError("tasks")
    return rows


def _walk(
    nodes, following, kinds, seen, rows, names, role_of, *, group, branch, groups
) -> str | None:
    """Follow flows from ``nodes`` in order; returns a converging gateway reached."""
    queue = list(nodes)
    while queue:
        node = queue.pop(0)
        if node in seen or node not in kinds:
            continue
        kind = kinds[node]
        outgoing = following.get(node, [])
        if kind == "parallelGateway" and group and len(outgoing) <= 1:
            return node  # the join of the group being read
        seen.add(node)
        if kind in TASK_TAGS:
            rows.append(
                {
                    "name": names[node] or node,
                    "performer_role": role_of.get(node, "") or "-",
                    "parallel_group": group,
                    "branch": branch,
                }
            )
        if kind == "parallelGateway" and len(outgoing) > 1 and not group:
            groups[0] += 1
            name = f"P{groups[0]}"
            join = None
            for number, target in enumerate(outgoing, start=1):
                join = (
                    _walk(
                        [target],
                        following,
                        kinds,
                        seen,
                        rows,
                        names,
                        role_of,
                        group=name,
                        branch=str(number),
                        groups=groups,
                    )
                    or join
                )
            if join is not None:
                seen.add(join)
                queue.extend(following.get(join, []))
            continue
        queue.extend(outgoing)
    return None
