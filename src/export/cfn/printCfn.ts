/** CloudFormation printers: JSON (2-space indent) and YAML (js-yaml, no anchors, no line folding). */

import type { GeneratedFile } from '../types'
import type { ExportIr } from '../ir/types'
import { buildTemplate } from './template'
import { toYaml } from './yaml'
import type { JsonObject } from '../../model/types'

/** The template object per IR, shared by the JSON and YAML printers. */
const templates = new WeakMap<ExportIr, JsonObject>()
function templateOf(ir: ExportIr): JsonObject {
  let t = templates.get(ir)
  if (!t) templates.set(ir, (t = buildTemplate(ir)))
  return t
}

export function printCfnJson(ir: ExportIr): GeneratedFile[] {
  return [{ path: `${ir.projectName}.template.json`, contents: `${JSON.stringify(templateOf(ir), null, 2)}\n` }]
}

export function printCfnYaml(ir: ExportIr): GeneratedFile[] {
  return [{ path: `${ir.projectName}.template.yaml`, contents: toYaml(templateOf(ir)) }]
}
