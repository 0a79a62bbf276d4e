/**
 * Resource attributes → the entity's `resourceOptions` (the same for every entity kind; src/model/resourceOptions.ts):
 * `DeletionPolicy` / `UpdateReplacePolicy` where they differ from what the exported construct writes anyway,
 * `Condition`, `Metadata` (without CDK's own `aws:cdk:*` keys) and every `DependsOn` that no reference in the
 * resource implies (Stage → `AWS::ApiGateway::Account`, Function → LogGroup): CloudFormation orders referenced
 * resources itself, the rest only a `DependsOn` keeps. Runs last, when it is known which logical ids became
 * entities, which the import generated and which stay verbatim. What has no place is reported (IMP024).
 */

import { DELETION_POLICIES, UPDATE_REPLACE_POLICIES, type EntityId, type Json, type JsonObject, type ResourceOptions } from '../model/types'
import { entityCfnType, l2RemovalPolicy } from '../model/resourceOptions'
import { locateEntity } from '../model/queries'
import type { ImportContext, ResourceEntry } from './context'
import { isObject, referencedIds } from './intrinsics'

/** Metadata CDK writes itself: `aws:cdk:path` and friends, and the `aws:asset:*` keys of asset-built code. */
const CDK_METADATA = /^aws:(cdk|asset):/

export function recordResourceOptions(ctx: ImportContext): void {
  const generated = new Set(ctx.summary.generated.map((g) => g.logicalId))
  for (const [logicalId, entity] of ctx.entityOf) {
    const entry = ctx.resources.get(logicalId)
    if (!entry) continue
    const holder = optionsHolder(ctx, entity)
    if (!holder || entry.type !== entityCfnType(ctx.design, entity)) {
      // A part of an entity (route response, API mapping, integration response): the export writes it itself.
      for (const key of ['DeletionPolicy', 'UpdateReplacePolicy', 'Condition', 'UpdatePolicy', 'CreationPolicy']) lost(ctx, entry, key, entity)
      if (userMetadata(entry.body) !== undefined) lost(ctx, entry, 'Metadata', entity)
      continue
    }
    const options: ResourceOptions = {}
    readPolicies(ctx, entry, entity, options)
    if (typeof entry.body.Condition === 'string') options.condition = entry.body.Condition
    else if (entry.body.Condition !== undefined) lost(ctx, entry, 'Condition', entity)
    const metadata = userMetadata(entry.body)
    if (metadata) options.metadata = metadata
    const dependsOn = readDependsOn(ctx, entry, entity, generated)
    if (dependsOn.length) options.dependsOn = dependsOn
    for (const key of ['UpdatePolicy', 'CreationPolicy']) lost(ctx, entry, key, entity)
    if (Object.keys(options).length) holder.resourceOptions = options
  }
}

function optionsHolder(ctx: ImportContext, entity: EntityId): { resourceOptions?: ResourceOptions } | undefined {
  const at = locateEntity(ctx.design, entity)
  if (!at) return undefined
  if (at.kind === 'api') return ctx.design.api
  if (at.collection === 'messages') return undefined
  return ctx.design[at.collection!][entity] as { resourceOptions?: ResourceOptions }
}

function lost(ctx: ImportContext, entry: ResourceEntry, key: string, entity: EntityId): void {
  if (entry.body[key] === undefined) return
  ctx.report('IMP024', 'warning', `${entry.logicalId}: ${key} is not kept; the design has no place for it on this resource.`, ['Resources', entry.logicalId, key], entity)
}

/** Only what differs from what the exported construct writes by itself (its removal policy, else nothing = Delete). */
function readPolicies(ctx: ImportContext, entry: ResourceEntry, entity: EntityId, options: ResourceOptions): void {
  const resource = Object.prototype.hasOwnProperty.call(ctx.design.resources, entity) ? ctx.design.resources[entity] : undefined
  const exported = (resource ? l2RemovalPolicy(resource) : undefined) ?? 'Delete'
  const deletion = entry.body.DeletionPolicy ?? 'Delete'
  if (typeof deletion === 'string' && (DELETION_POLICIES as readonly string[]).includes(deletion)) {
    if (deletion !== exported) options.deletionPolicy = deletion as ResourceOptions['deletionPolicy']
  } else lost(ctx, entry, 'DeletionPolicy', entity)
  const replace = entry.body.UpdateReplacePolicy ?? 'Delete'
  if (typeof replace === 'string' && (UPDATE_REPLACE_POLICIES as readonly string[]).includes(replace)) {
    if (replace !== exported) options.updateReplacePolicy = replace as ResourceOptions['updateReplacePolicy']
  } else lost(ctx, entry, 'UpdateReplacePolicy', entity)
}

function userMetadata(body: JsonObject): JsonObject | undefined {
  if (!isObject(body.Metadata)) return undefined
  const kept = Object.entries(body.Metadata).filter(([k]) => !CDK_METADATA.test(k))
  return kept.length ? (Object.fromEntries(kept) as JsonObject) : undefined
}

/**
 * `DependsOn` as entity ids (a modelled resource) or logical ids (a verbatim one). Dependencies a reference
 * implies, and those on resources the export generates again (a function's service role and its policy), are the
 * export's to write.
 */
function readDependsOn(ctx: ImportContext, entry: ResourceEntry, entity: EntityId, generated: Set<string>): string[] {
  const raw: Json | undefined = entry.body.DependsOn
  const names = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((d): d is string => typeof d === 'string') : []
  const referenced = new Set(referencedIds(entry.props).map((r) => r.id))
  const out: string[] = []
  for (const name of names) {
    if (referenced.has(name) || generated.has(name)) continue
    const target = ctx.entityOf.get(name)
    const targetEntry = ctx.resources.get(name)
    if (target !== undefined && targetEntry && targetEntry.type === entityCfnType(ctx.design, target)) {
      if (target !== entity && !out.includes(target)) out.push(target)
    } else if (targetEntry && !ctx.consumed.has(name) && !locateEntity(ctx.design, name)) {
      if (!out.includes(name)) out.push(name)
    } else if (target === undefined || targetEntry === undefined) {
      ctx.report('IMP024', 'warning', `${entry.logicalId}: DependsOn ${name} is not kept; it names nothing the design holds.`, ['Resources', entry.logicalId, 'DependsOn'], entity)
    }
    // Otherwise it names a part of another entity (its route response, its deployment), which the export orders itself.
  }
  return out
}
