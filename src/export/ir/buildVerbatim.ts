/**
 * CloudFormation kept verbatim from an import. References to modelled resources are first renamed to the
 * ids this export gives them (`remapLogicalIds.ts`); the template export then merges every section back.
 * The CDK exports re-create verbatim resources as `CfnResource` (logical id = the original id), the
 * description and metadata through `templateOptions`, and the other sections as their L1 constructs
 * (`buildSections.ts`).
 */

import type { Design, Json, JsonObject, VerbatimCfn } from '../../model/types'
import { call, construct, lit, member, THIS, v, type Code } from './code'
import type { IrContext } from './context'
import { buildSections } from './buildSections'
import { logicalIdRemap, remapRefs, remapResource } from './remapLogicalIds'

const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'UpdatePolicy', 'CreationPolicy'])
/**
 * Custom resources take a resource-level `Version` (the CloudFormation User Guide's custom-resource examples
 * write `"Version": "1.0"`; the Serverless Framework writes one on its `Custom::ApiGatewayAccountRole`).
 */
const isCustomResource = (type: string): boolean => type === 'AWS::CloudFormation::CustomResource' || type.startsWith('Custom::')
const SECTIONS = ['Parameters', 'Conditions', 'Mappings', 'Outputs', 'Metadata', 'Rules'] as const

/** The verbatim sections with references renamed, and the verbatim resources by logical id. */
export function buildVerbatim(ctx: IrContext, design: Design): { verbatim?: VerbatimCfn; resources: Record<string, Json> } {
  const original = design.cloudformation
  if (!original) return { resources: {} }
  const map = logicalIdRemap(design, ctx.resources)
  const cfn: VerbatimCfn = { ...original }
  for (const section of SECTIONS) if (original[section] !== undefined) cfn[section] = remapRefs(original[section], map) as JsonObject
  const owner = 'cloudformation'
  const modelled = new Set(ctx.resources.map((r) => r.logicalId))
  const resources: Record<string, Json> = {}
  for (const [logicalId, verbatimBody] of Object.entries(original.Resources ?? {})) {
    if (modelled.has(logicalId)) {
      ctx.error('EXP010', `Verbatim resource "${logicalId}" has the same logical id as a resource the design exports.`, owner, `Resources.${logicalId}`)
      continue
    }
    if (!/^[A-Za-z0-9]+$/.test(logicalId) || !isObject(verbatimBody) || typeof verbatimBody.Type !== 'string') {
      ctx.error('EXP010', `Verbatim resource "${logicalId}" needs an alphanumeric logical id and a Type.`, owner, `Resources.${logicalId}`)
      continue
    }
    const body = remapResource(verbatimBody, map) as JsonObject
    resources[logicalId] = body
    const statements = Object.entries(body).filter(([k]) => k !== 'Type' && k !== 'Properties')
    const unknown = statements.find(([k]) => !RESOURCE_KEYS.has(k) && !(k === 'Version' && isCustomResource(body.Type as string)))
    if (unknown) ctx.cdkDiagnostics.push({ code: 'EXP011', severity: 'error', message: `Verbatim resource "${logicalId}" has an unknown key "${unknown[0]}".`, entity: owner })
    // A modelled construct may already use this id under the stack; the logical id stays the original.
    const constructId = ctx.stackChildId(logicalId)
    ctx.verbatimConstructIds.set(logicalId, constructId)
    const creation = construct('core', 'CfnResource', [THIS, lit(constructId)], [
      ['type', lit(body.Type as string)],
      ...(isObject(body.Properties) ? ([['properties', { k: 'json', value: body.Properties }]] as [string, Code][]) : []),
    ])
    if (statements.length || constructId !== logicalId) {
      const variable = ctx.names.take(`${logicalId} verbatim`, 'resource')
      ctx.emit(owner, { k: 'const', name: variable, value: creation })
      if (constructId !== logicalId) ctx.emit(owner, { k: 'expr', value: call(v(variable), 'overrideLogicalId', [lit(logicalId)]) })
      for (const [k, value] of statements) ctx.emit(owner, { k: 'expr', value: call(v(variable), 'addOverride', [lit(k), { k: 'json', value }]) })
    } else ctx.emit(owner, { k: 'expr', value: creation })
  }
  if (cfn.Description !== undefined) ctx.emit(owner, { k: 'assign', target: member(THIS, 'templateOptions'), prop: 'description', value: { k: 'literalText', text: cfn.Description } })
  if (cfn.Metadata !== undefined) ctx.emit(owner, { k: 'assign', target: member(THIS, 'templateOptions'), prop: 'metadata', value: { k: 'json', value: cfn.Metadata } })
  buildSections(ctx, cfn)
  return { verbatim: cfn, resources }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
