// Reads a BPMN file with bpmn-moddle and prints what it found as JSON:
// used by test_bpmn.py to check the export against the standard tooling.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [file, modules] = process.argv.slice(2);
const require = createRequire(pathToFileURL(modules + "/"));
const { BpmnModdle } = await import(pathToFileURL(require.resolve("bpmn-moddle")));
const moddle = new BpmnModdle();
const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, "utf8"));
const process_ = rootElement.rootElements.find((e) => e.$type === "bpmn:Process");
console.log(JSON.stringify({
  warnings: warnings.map((w) => w.message),
  types: process_.flowElements.map((e) => e.$type),
  lanes: process_.laneSets[0].lanes.map((l) => [l.name, l.flowNodeRef.map((n) => n.id)]),
  diagrams: rootElement.diagrams.length,
}));
