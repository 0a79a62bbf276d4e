/**
 * Model schemas between API Gateway's dialect (JSON Schema draft 4) and AsyncAPI's default schema format (a
 * superset of draft 7). What differs: `$schema`/`id` (dropped: the AsyncAPI document sets the dialect), boolean
 * `exclusiveMinimum`/`exclusiveMaximum` (draft 4) → numbers (draft 6+), and local `#/definitions/…` references,
 * which must point into the schema's place in the AsyncAPI document.
 */

import type { Json, JsonObject } from '../model/types'

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies']
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf']
const SUBSCHEMA_ONE = ['not', 'additionalProperties', 'additionalItems', 'items']

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A prototype-free copy of an object's own entries (keys like `__proto__` stay plain data). */
export function plain(entries: Iterable<[string, Json]>): JsonObject {
  const out: JsonObject = {}
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
  return out
}

/** Draft 4 → AsyncAPI schema. `base` is the JSON pointer where the schema lands (`#/components/schemas/Order`). */
export function toAsyncApiSchema(schema: Json, base: string): Json {
  return convert(schema, base, true)
}

function convert(schema: Json, base: string, root: boolean): Json {
  if (!isObject(schema)) return schema
  const out: [string, Json][] = []
  for (const [k, v] of Object.entries(schema)) {
    if (root && (k === '$schema' || k === 'id')) continue
    if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v === 'boolean') continue
    if ((k === 'minimum' || k === 'maximum') && typeof v === 'number') {
      const flag = schema[k === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum']
      out.push([flag === true ? (k === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum') : k, v])
      continue
    }
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) {
      out.push([k, `${base}/${v.slice(2)}`])
      continue
    }
    if (SUBSCHEMA_MAPS.includes(k) && isObject(v)) out.push([k, plain(Object.entries(v).map(([p, s]) => [p, Array.isArray(s) ? s : convert(s, base, false)]))])
    else if (SUBSCHEMA_LISTS.includes(k) && Array.isArray(v)) out.push([k, v.map((s) => convert(s, base, false))])
    else if (SUBSCHEMA_ONE.includes(k)) out.push([k, Array.isArray(v) ? v.map((s) => convert(s, base, false)) : convert(v, base, false)])
    else out.push([k, v])
  }
  return plain(out)
}

/** The property path a route selection expression reads, when it is exactly one `$request.body.<path>`. */
export function selectionPath(expression: string): string[] | undefined {
  const m = /^\$(?:request\.body\.([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*)|\{request\.body\.([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*)\})$/.exec(expression.trim())
  const path = m?.[1] ?? m?.[2]
  return path ? path.split('.') : undefined
}

/** `{type: object, properties: {a: {type: object, properties: {b: {const}}, required: [b]}}, required: [a]}` */
export function pinnedSchema(path: string[], value: string): JsonObject {
  let inner: JsonObject = { type: 'string', const: value }
  for (let i = path.length - 1; i >= 0; i--) {
    inner = { type: 'object', properties: plain([[path[i], inner]]), required: [path[i]] }
  }
  return inner
}

/** Reads back the `const` a pinned schema (or an `allOf` holding one) gives the selection property. */
export function pinnedValue(schema: Json, path: string[]): string | undefined {
  if (!isObject(schema)) return undefined
  let node: Json = schema
  for (const part of path) {
    if (!isObject(node)) return undefined
    const props: Json = node.properties
    const next: Json | undefined = isObject(props) && Object.prototype.hasOwnProperty.call(props, part) ? props[part] : undefined
    if (next === undefined) {
      for (const sub of Array.isArray(schema.allOf) ? schema.allOf : []) {
        const found = pinnedValue(sub, path)
        if (found !== undefined) return found
      }
      return undefined
    }
    node = next
  }
  if (isObject(node) && typeof node.const === 'string') return node.const
  if (isObject(node) && Array.isArray(node.enum) && node.enum.length === 1 && typeof node.enum[0] === 'string') return node.enum[0]
  return undefined
}

/**
 * AsyncAPI schema (draft 7 superset) → draft 4 for an API Gateway model: `const` → one-value `enum`, numeric
 * `exclusiveMinimum`/`exclusiveMaximum` → the boolean draft-4 form, boolean schemas → `{}` / `{not: {}}`, `$id` dropped.
 * Keywords draft 4 does not know stay (API Gateway ignores them).
 */
export function toDraft04(schema: Json): Json {
  if (schema === true) return {}
  if (schema === false) return { not: {} }
  if (!isObject(schema)) return schema
  const out: [string, Json][] = []
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$id' || k === '$schema') continue
    if (k === 'const') {
      if (!('enum' in schema)) out.push(['enum', [v]])
      continue
    }
    if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v === 'number') {
      out.push([k === 'exclusiveMinimum' ? 'minimum' : 'maximum', v], [k, true])
      continue
    }
    if (SUBSCHEMA_MAPS.includes(k) && isObject(v)) out.push([k, plain(Object.entries(v).map(([p, s]) => [p, Array.isArray(s) ? s : toDraft04(s)]))])
    else if (SUBSCHEMA_LISTS.includes(k) && Array.isArray(v)) out.push([k, v.map(toDraft04)])
    else if (SUBSCHEMA_ONE.includes(k)) out.push([k, Array.isArray(v) ? v.map(toDraft04) : typeof v === 'boolean' && k !== 'items' ? v : toDraft04(v)])
    else out.push([k, v])
  }
  return plain(out)
}
