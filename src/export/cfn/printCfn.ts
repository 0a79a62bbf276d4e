/** CloudFormation printers: JSON (2-space indent) and YAML (js-yaml, no anchors, no line folding). */

import { dump } from 'js-yaml'
import type { GeneratedFile } from '../types'
import type { ExportIr } from '../ir/types'
import { buildTemplate } from './template'

export function printCfnJson(ir: ExportIr): GeneratedFile[] {
  return [{ path: `${ir.projectName}.template.json`, contents: `${JSON.stringify(buildTemplate(ir), null, 2)}\n` }]
}

export function printCfnYaml(ir: ExportIr): GeneratedFile[] {
  // noRefs: a value object used twice must not become a YAML anchor; lineWidth -1: never fold templates.
  return [{ path: `${ir.projectName}.template.yaml`, contents: dump(buildTemplate(ir), { noRefs: true, lineWidth: -1 }) }]
}
