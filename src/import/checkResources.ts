/**
 * Pass 1: each resource must be a mapping with a `Type`, alphanumeric logical id, no unknown intrinsic, and every
 * reference must name a resource, parameter or pseudo parameter. A broken resource (and what depends on it) is
 * reported and left out; the rest imports.
 */

import type { JsonObject } from '../model/types'
import type { ImportContext, ResourceEntry } from './context'
import { findUnknownIntrinsic, isObject, PSEUDO_PARAMETERS, referencedIds, type PathSegment } from './intrinsics'
import { describe, formatPath } from './props'

export function checkResources(ctx: ImportContext): void {
  const raw = ctx.template.Resources as JsonObject
  const broken = new Map<string, { code: string; message: string; path: PathSegment[] }>()
  const entries: ResourceEntry[] = []
  for (const [logicalId, body] of Object.entries(raw)) {
    const at: PathSegment[] = ['Resources', logicalId]
    if (!/^[A-Za-z0-9]+$/.test(logicalId)) {
      broken.set(logicalId, { code: 'IMP011', message: `Logical id "${logicalId.slice(0, 80)}" must be alphanumeric.`, path: at })
      continue
    }
    if (!isObject(body)) {
      broken.set(logicalId, { code: 'IMP006', message: `${logicalId}: a resource must be a mapping, not ${describe(body)}.`, path: at })
      continue
    }
    if (typeof body.Type !== 'string' || !body.Type) {
      broken.set(logicalId, { code: 'IMP006', message: `${logicalId}: Type must be a string, not ${describe(body.Type)}.`, path: [...at, 'Type'] })
      continue
    }
    if (body.Properties !== undefined && !isObject(body.Properties)) {
      broken.set(logicalId, {
        code: 'IMP006',
        message: `${logicalId}: Properties must be a mapping, not ${describe(body.Properties)}.`,
        path: [...at, 'Properties'],
      })
      continue
    }
    const unknown = findUnknownIntrinsic(body, at)
    if (unknown) {
      broken.set(logicalId, {
        code: 'IMP004',
        message: `${logicalId}: unknown intrinsic function ${unknown.name} at ${formatPath(unknown.path.slice(2))}.`,
        path: unknown.path,
      })
      continue
    }
    entries.push({ logicalId, type: body.Type, props: (body.Properties as JsonObject | undefined) ?? {}, body })
  }
  // References to missing resources; repeat so a resource depending on a skipped one is skipped too.
  const known = (id: string) =>
    id in PSEUDO_PARAMETERS || ctx.parameters.has(id) || (Object.prototype.hasOwnProperty.call(raw, id) && !broken.has(id))
  // Each resource's references are collected once; the passes below only look them up.
  const refsOf = new Map<ResourceEntry, ReturnType<typeof referencedIds>>()
  for (const e of entries) {
    const refs = referencedIds(e.body, ['Resources', e.logicalId])
    const deps = Array.isArray(e.body.DependsOn) ? e.body.DependsOn : e.body.DependsOn !== undefined ? [e.body.DependsOn] : []
    deps.forEach((d, i) => {
      if (typeof d === 'string') refs.push({ id: d, path: ['Resources', e.logicalId, 'DependsOn', ...(Array.isArray(e.body.DependsOn) ? [i] : [])] })
    })
    refsOf.set(e, refs)
  }
  for (let changed = true; changed; ) {
    changed = false
    for (const e of entries) {
      if (broken.has(e.logicalId)) continue
      const missing = refsOf.get(e)!.find((r) => !known(r.id))
      if (missing) {
        const skipped = broken.get(missing.id)
        broken.set(e.logicalId, {
          code: skipped ? 'IMP010' : 'IMP005',
          message: skipped
            ? `${e.logicalId}: skipped because it refers to ${missing.id}, which was skipped.`
            : `${e.logicalId}: ${formatPath(missing.path.slice(2))} refers to "${missing.id}", which is not a resource or parameter of this template.`,
          path: missing.path,
        })
        changed = true
      }
    }
  }
  for (const e of entries) if (!broken.has(e.logicalId)) ctx.resources.set(e.logicalId, e)
  for (const [logicalId, b] of broken) {
    const type = isObject(raw[logicalId]) && typeof (raw[logicalId] as JsonObject).Type === 'string' ? ((raw[logicalId] as JsonObject).Type as string) : undefined
    ctx.skip(logicalId, type, b.code, b.message, b.path)
  }
}
