/**
 * CloudFormation kept verbatim from an import. The template export merges every section back. The CDK
 * exports re-create verbatim resources as `CfnResource` (logical id = construct id, so ids are unchanged),
 * the description and metadata through `templateOptions`; sections CDK code cannot hold without a
 * template file (Parameters, Conditions, Mappings, Outputs, Rules, Transform) stop the CDK targets with
 * EXP011 instead of being dropped silently.
 */

import type { Design, Json, JsonObject } from '../../model/types'
import { call, construct, lit, member, THIS, type Code } from './code'
import type { IrContext } from './context'

const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'UpdatePolicy', 'CreationPolicy'])

export function buildVerbatim(ctx: IrContext, design: Design): Record<string, Json> {
  const cfn = design.cloudformation
  if (!cfn) return {}
  const owner = 'cloudformation'
  const modelled = new Set(ctx.resources.map((r) => r.logicalId))
  const resources: Record<string, Json> = {}
  for (const [logicalId, body] of Object.entries(cfn.Resources ?? {})) {
    if (modelled.has(logicalId)) {
      ctx.error('EXP010', `Verbatim resource "${logicalId}" has the same logical id as a resource the design exports.`, owner, `Resources.${logicalId}`)
      continue
    }
    if (!/^[A-Za-z0-9]+$/.test(logicalId) || !isObject(body) || typeof body.Type !== 'string') {
      ctx.error('EXP010', `Verbatim resource "${logicalId}" needs an alphanumeric logical id and a Type.`, owner, `Resources.${logicalId}`)
      continue
    }
    resources[logicalId] = body
    const statements = Object.entries(body).filter(([k]) => k !== 'Type' && k !== 'Properties')
    const unknown = statements.find(([k]) => !RESOURCE_KEYS.has(k))
    if (unknown) ctx.cdkDiagnostics.push({ code: 'EXP011', severity: 'error', message: `Verbatim resource "${logicalId}" has an unknown key "${unknown[0]}".`, entity: owner })
    const creation = construct('core', 'CfnResource', [THIS, lit(logicalId)], [
      ['type', lit(body.Type)],
      ...(isObject(body.Properties) ? ([['properties', { k: 'json', value: body.Properties }]] as [string, Code][]) : []),
    ])
    if (statements.length) {
      const variable = ctx.names.take(`${logicalId} verbatim`, 'resource')
      ctx.emit(owner, { k: 'const', name: variable, value: creation })
      for (const [k, value] of statements) ctx.emit(owner, { k: 'expr', value: call({ k: 'var', name: variable }, 'addOverride', [lit(k), { k: 'json', value }]) })
    } else ctx.emit(owner, { k: 'expr', value: creation })
  }
  if (cfn.Description !== undefined) ctx.emit(owner, { k: 'assign', target: member(THIS, 'templateOptions'), prop: 'description', value: lit(cfn.Description) })
  if (cfn.Metadata !== undefined) ctx.emit(owner, { k: 'assign', target: member(THIS, 'templateOptions'), prop: 'metadata', value: { k: 'json', value: cfn.Metadata } })
  for (const section of ['Parameters', 'Conditions', 'Mappings', 'Outputs', 'Rules', 'Transform'] as const) {
    const value = cfn[section]
    if (value === undefined || (isObject(value) && !Object.keys(value).length)) continue
    ctx.cdkDiagnostics.push({
      code: 'EXP011',
      severity: 'error',
      message: `The design keeps a verbatim CloudFormation "${section}" section, which the CDK exports cannot reproduce; export it as CloudFormation, or remove the section.`,
      entity: owner,
      field: section,
    })
  }
  return resources
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
