/** ExportIr → a CloudFormation template object (long-form intrinsics only; no CDK bootstrap parameter or rule). */

import type { Json, JsonObject } from '../../model/types'
import type { ExportIr } from '../ir/types'

const SECTION_ORDER = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Rules'] as const

export function buildTemplate(ir: ExportIr): JsonObject {
  const resources: JsonObject = {}
  for (const r of ir.resources) {
    const body: JsonObject = { Type: r.type }
    if (r.properties) body.Properties = sortKeys(r.properties)
    if (r.dependsOn?.length) body.DependsOn = r.dependsOn
    if (r.condition !== undefined) body.Condition = r.condition
    if (r.metadata !== undefined) body.Metadata = r.metadata
    if (r.updateReplacePolicy) body.UpdateReplacePolicy = r.updateReplacePolicy
    if (r.deletionPolicy) body.DeletionPolicy = r.deletionPolicy
    resources[r.logicalId] = body
  }
  Object.assign(resources, ir.verbatimResources)
  const v = ir.verbatim ?? {}
  const conditions: JsonObject = { ...(v.Conditions ?? {}), ...ir.conditions }
  const sections: Record<string, Json | undefined> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: v.Description,
    Metadata: v.Metadata,
    Parameters: v.Parameters,
    Mappings: v.Mappings,
    Conditions: Object.keys(conditions).length ? conditions : undefined,
    Transform: v.Transform,
    Resources: resources,
    Outputs: v.Outputs,
    Rules: v.Rules,
  }
  const template: JsonObject = {}
  for (const key of SECTION_ORDER) if (sections[key] !== undefined) template[key] = sections[key] as Json
  return template
}

function sortKeys(o: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
