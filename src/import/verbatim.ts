/**
 * What stays verbatim: Parameters, Conditions, Mappings, Outputs, Metadata, Rules, Transform, Description and every
 * resource no mapping step took, byte-for-byte as parsed, plus the original logical ids the verbatim parts name.
 */

import type { Design, EntityId, Json, JsonObject } from '../model/types'
import { splitLogicalId } from './cdkIds'
import type { ImportContext } from './context'
import { isObject, referencedIds } from './intrinsics'
import { describe } from './props'

export function keepVerbatim(ctx: ImportContext): void {
  const t = ctx.template
  const cfn: Design['cloudformation'] = {}
  const section = (name: 'Parameters' | 'Conditions' | 'Mappings' | 'Outputs' | 'Metadata' | 'Rules') => {
    const v = t[name]
    if (v === undefined) return
    if (!isObject(v)) {
      ctx.report('IMP006', 'warning', `${name} must be a mapping, not ${describe(v)}; left out.`, [name])
      return
    }
    const entries = Object.entries(v).filter(([k, x]) => !isCdkExtra(ctx, name, k, x))
    for (const [k] of Object.entries(v)) if (isCdkExtra(ctx, name, k, v[k])) ctx.summary.generated.push({ logicalId: k, type: name, detail: 'CDK bootstrap/metadata' })
    if (entries.length) {
      cfn[name] = Object.fromEntries(entries) as JsonObject
      for (const [k] of entries) ctx.summary.verbatim.push({ logicalId: k, type: name, detail: `${name} entry` })
    }
  }
  section('Parameters')
  section('Conditions')
  section('Mappings')
  section('Outputs')
  section('Metadata')
  section('Rules')
  if (t.Transform !== undefined) cfn.Transform = t.Transform
  if (typeof t.Description === 'string') cfn.Description = t.Description
  const resources: [string, Json][] = []
  const modelled = new Set(ctx.entityOf.keys())
  for (const r of ctx.resources.values()) {
    if (ctx.consumed.has(r.logicalId)) continue
    resources.push([r.logicalId, r.body])
    ctx.summary.verbatim.push({ logicalId: r.logicalId, type: r.type, detail: 'resource' })
    const refs = referencedIds(r.body).filter((x) => modelled.has(x.id) && !splitLogicalId(x.id).hash)
    if (refs.length) {
      ctx.report('IMP023', 'warning', `${r.logicalId} (kept verbatim) refers to ${[...new Set(refs.map((x) => x.id))].join(', ')}, which the export may rename.`, ['Resources', r.logicalId])
    } else {
      ctx.report('IMP021', 'info', `${r.logicalId} (${r.type}) kept verbatim.`, ['Resources', r.logicalId])
    }
  }
  if (resources.length) cfn.Resources = Object.fromEntries(resources) as JsonObject
  const referenced = new Map<string, EntityId>()
  for (const value of [cfn.Resources, cfn.Outputs, cfn.Conditions, cfn.Parameters, cfn.Rules, cfn.Metadata]) {
    if (value === undefined) continue
    for (const r of referencedIds(value)) {
      const entity = ctx.entityOf.get(r.id)
      if (entity) referenced.set(r.id, entity)
    }
  }
  // `DependsOn` names logical ids directly (a Serverless deployment waits for its routes, a usage plan for an
  // authorizer's permission): recorded too, with generated resources under the entity that writes them again, so
  // the export can follow an id it changes.
  for (const [, body] of resources) {
    const deps = isObject(body) ? body.DependsOn : undefined
    for (const d of typeof deps === 'string' ? [deps] : Array.isArray(deps) ? deps : []) {
      const entity = typeof d === 'string' ? (ctx.entityOf.get(d) ?? ctx.generatedBy.get(d)) : undefined
      if (entity) referenced.set(d as string, entity)
    }
  }
  if (referenced.size) cfn.logicalIds = Object.fromEntries(referenced)
  for (const name of ['Outputs', 'Conditions'] as const) {
    const refs = cfn[name] ? referencedIds(cfn[name] as Json).filter((x) => modelled.has(x.id) && !splitLogicalId(x.id).hash) : []
    if (refs.length) {
      ctx.report('IMP023', 'warning', `${name} (kept verbatim) refer to ${[...new Set(refs.map((x) => x.id))].join(', ')}, which the export may rename.`, [name])
    }
  }
  if (Object.keys(cfn).length) ctx.design.cloudformation = cfn
}

export function isCdkExtra(ctx: ImportContext, section: string, key: string, value: Json): boolean {
  if (section === 'Parameters' && key === 'BootstrapVersion') return isObject(value) && typeof value.Default === 'string' && value.Default.startsWith('/cdk-bootstrap/')
  if (section === 'Rules' && key === 'CheckBootstrapVersion') return true
  if (section === 'Conditions' && key === 'CDKMetadataAvailable') return true
  if (section === 'Conditions' && key === 'AwsCdkKinesisEncryptedStreamsUnsupportedRegions') {
    return Object.values(ctx.design.resources).some((r) => r.type === 'kinesis-stream')
  }
  return false
}
