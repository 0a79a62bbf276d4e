/**
 * Verbatim CloudFormation (kept from an import) still names modelled resources by their original logical
 * ids; the export gives those entities CDK's ids (`ChatApi` → `ChatApiD29796E1`). `design.cloudformation.logicalIds`
 * says which entity each original id became; this module finds the exported id and rewrites `Ref`,
 * `Fn::GetAtt`, `Fn::Sub` variables and `DependsOn` so every target emits the same, working references.
 */

import type { Design, Json, JsonObject } from '../../model/types'
import { entityCfnType } from '../../model/resourceOptions'
import type { CfnResourceIr } from './types'

/**
 * Original logical id → exported logical id, for every recorded id the export changes. An entity the export
 * does not create (an `existing` resource, an unused integration) has no exported id and is left alone.
 */
export function logicalIdRemap(design: Design, resources: CfnResourceIr[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const [original, entity] of Object.entries(design.cloudformation?.logicalIds ?? {})) {
    const owned = resources.filter((r) => r.owner === entity)
    if (owned.some((r) => r.logicalId === original)) continue
    const target = closestOwned(original, owned) ?? owned.find((r) => r.type === entityCfnType(design, entity))
    if (target) map.set(original, target.logicalId)
  }
  return map
}

/** A CDK logical id without its 8-digit hash. */
const human = (id: string) => id.replace(/[0-9A-F]{8}$/, '')

function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

/**
 * Of the resources an entity owns, the one an original id names: the one whose id ends like it. An entity can own
 * several (an authorizer and its invoke permission, a stage and its API mapping), and ids that embed the stack
 * name or the path change only at their start (`OldStackApiAuthorizerPermission…` → `NewStackApiAuthorizerPermission…`).
 * Undefined when no id shares a suffix of a few characters: then the entity's own resource type decides.
 */
function closestOwned(original: string, owned: CfnResourceIr[]): CfnResourceIr | undefined {
  if (owned.length < 2) return undefined
  const scored = owned.map((r) => ({ r, n: commonSuffix(human(original), human(r.logicalId)) })).sort((a, b) => b.n - a.n)
  return scored[0].n >= 4 && scored[0].n > (scored[1]?.n ?? 0) ? scored[0].r : undefined
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `${X}` / `${X.Attr}` in an `Fn::Sub` string, except `${!…}` escapes and the Sub's own variables. */
function remapSubText(text: string, map: Map<string, string>, locals: Set<string>): string {
  return text.replace(/\$\{([^}!][^}]*)\}/g, (whole, inner: string) => {
    const dot = inner.indexOf('.')
    const name = dot < 0 ? inner : inner.slice(0, dot)
    const to = locals.has(inner) ? undefined : map.get(name)
    return to ? `\${${to}${dot < 0 ? '' : inner.slice(dot)}}` : whole
  })
}

/** Rewrites references to renamed logical ids anywhere in a CloudFormation value. */
export function remapRefs(value: Json, map: Map<string, string>): Json {
  if (!map.size) return value
  if (Array.isArray(value)) return value.map((v) => remapRefs(v, map))
  if (!isObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 1) {
    const [k] = keys
    const v = value[k]
    if (k === 'Ref' && typeof v === 'string') return { Ref: map.get(v) ?? v }
    if (k === 'Fn::GetAtt' && Array.isArray(v) && typeof v[0] === 'string') return { 'Fn::GetAtt': [map.get(v[0]) ?? v[0], ...v.slice(1).map((x) => remapRefs(x, map))] }
    if (k === 'Fn::GetAtt' && typeof v === 'string') {
      const dot = v.indexOf('.')
      const id = dot < 0 ? v : v.slice(0, dot)
      return { 'Fn::GetAtt': map.has(id) ? `${map.get(id)}${v.slice(id.length)}` : v }
    }
    if (k === 'Fn::Sub' && typeof v === 'string') return { 'Fn::Sub': remapSubText(v, map, new Set()) }
    if (k === 'Fn::Sub' && Array.isArray(v) && typeof v[0] === 'string' && isObject(v[1])) {
      const locals = v[1]
      return { 'Fn::Sub': [remapSubText(v[0], map, new Set(Object.keys(locals))), remapRefs(locals, map), ...v.slice(2)] }
    }
  }
  return Object.fromEntries(keys.map((k) => [k, remapRefs(value[k], map)]))
}

/** A verbatim resource: its values, and `DependsOn` (which names logical ids directly). */
export function remapResource(body: Json, map: Map<string, string>): Json {
  if (!map.size || !isObject(body)) return body
  const out = remapRefs(body, map) as JsonObject
  const dependsOn = body.DependsOn
  if (typeof dependsOn === 'string') out.DependsOn = map.get(dependsOn) ?? dependsOn
  else if (Array.isArray(dependsOn)) out.DependsOn = dependsOn.map((d) => (typeof d === 'string' ? (map.get(d) ?? d) : d))
  return out
}
