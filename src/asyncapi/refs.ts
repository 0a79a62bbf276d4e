/**
 * Local `$ref` resolution (`#/components/…`) for imported AsyncAPI documents: bounded in depth, cycle-safe
 * (a cycle keeps its `$ref`), prototype-free lookups. External references are left as they are.
 */

import type { Json } from '../model/types'
import { isObject } from './schemas'

const MAX_DEPTH = 64

export function pointer(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined
  let node: Json | undefined = root
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) node = node[Number(part)]
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, part)) node = node[part]
    else return undefined
  }
  return node
}

/** Follows `$ref` chains at the top of `value` (not inside it). */
export function deref(root: Json, value: Json | undefined): Json | undefined {
  let v = value
  for (let i = 0; i < MAX_DEPTH && isObject(v) && typeof v.$ref === 'string'; i++) {
    const next = pointer(root, v.$ref)
    if (next === undefined) return v
    v = next
  }
  return v
}

/** The `#/components/schemas/<name>` a value refers to, if it is exactly such a reference. */
export function schemaRefName(value: Json | undefined): string | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string') return undefined
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref)
  return m ? decodeURIComponent(m[1]) : undefined
}

/** Inlines every local reference inside a schema (unknown references keep their `$ref`; recursion is cut). */
export function inlineRefs(root: Json, value: Json, seen: string[] = [], depth = 0): Json {
  if (depth > MAX_DEPTH) return value
  if (Array.isArray(value)) return value.map((v) => inlineRefs(root, v, seen, depth + 1))
  if (!isObject(value)) return value
  if (typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
    // A recursive schema cannot be inlined: the recursion point accepts anything (an API Gateway model has no
    // document to point into).
    if (seen.includes(value.$ref)) return { description: `recursive reference to ${value.$ref}, not inlined` }
    const target = pointer(root, value.$ref)
    if (target === undefined) return value
    return inlineRefs(root, target, [...seen, value.$ref], depth + 1)
  }
  const out: Record<string, Json> = {}
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: inlineRefs(root, v, seen, depth + 1), enumerable: true, writable: true, configurable: true })
  return out
}
