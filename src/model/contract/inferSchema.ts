/**
 * "Generate from a sample message": a JSON Schema draft 4 that accepts the sample, as a starting point the user
 * then edits. The inference is deliberately plain: every property seen is declared with its JSON type and required;
 * whole numbers are `integer`, others `number`; array items merge into one schema (objects merge their properties,
 * keeping as required only what every item has; items of different types leave `items` open). Nothing is guessed
 * beyond the sample (no formats, lengths or enums): those are the user's decisions.
 */

import type { Json, JsonObject } from '../types'

export const DRAFT_04 = 'http://json-schema.org/draft-04/schema#'

export type InferResult = { ok: true; schema: JsonObject } | { ok: false; message: string }

/** Infers a schema from the text of a sample message. */
export function inferSchemaFromText(text: string, title?: string): InferResult {
  let sample: Json
  try {
    sample = JSON.parse(text) as Json
  } catch (e) {
    return { ok: false, message: `The sample is not JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
  return { ok: true, schema: inferSchema(sample, title) }
}

export function inferSchema(sample: Json, title?: string): JsonObject {
  return { $schema: DRAFT_04, ...(title ? { title } : {}), ...infer(sample) }
}

function infer(value: Json): JsonObject {
  if (value === null) return { type: 'null' }
  if (Array.isArray(value)) {
    const items = value.map(infer)
    const merged = items.length ? items.reduce<JsonObject | undefined>((a, b) => (a === undefined ? undefined : merge(a, b)), items[0]) : undefined
    return merged ? { type: 'array', items: merged } : { type: 'array' }
  }
  switch (typeof value) {
    case 'string':
      return { type: 'string' }
    case 'boolean':
      return { type: 'boolean' }
    case 'number':
      return { type: Number.isInteger(value) ? 'integer' : 'number' }
    default: {
      // Own keys only, into a null-prototype map: a sample key like "__proto__" stays a property name.
      const properties: Record<string, Json> = Object.create(null) as Record<string, Json>
      for (const [k, v] of Object.entries(value)) properties[k] = infer(v)
      const keys = Object.keys(properties)
      return { type: 'object', properties: { ...properties }, ...(keys.length ? { required: keys } : {}) }
    }
  }
}

/** One schema for two items of an array, or undefined when they have nothing in common worth stating. */
function merge(a: JsonObject, b: JsonObject): JsonObject | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return a
  const ta = a.type
  const tb = b.type
  if ((ta === 'integer' && tb === 'number') || (ta === 'number' && tb === 'integer')) return { type: 'number' }
  if (ta === 'object' && tb === 'object') {
    const pa = a.properties as JsonObject
    const pb = b.properties as JsonObject
    const properties: Record<string, Json> = Object.create(null) as Record<string, Json>
    for (const [k, v] of Object.entries(pa)) properties[k] = Object.prototype.hasOwnProperty.call(pb, k) ? (merge(v as JsonObject, pb[k] as JsonObject) ?? {}) : v
    for (const [k, v] of Object.entries(pb)) if (!Object.prototype.hasOwnProperty.call(pa, k)) properties[k] = v
    const rb = new Set((b.required as string[] | undefined) ?? [])
    const required = ((a.required as string[] | undefined) ?? []).filter((k) => rb.has(k))
    return { type: 'object', properties: { ...properties }, ...(required.length ? { required } : {}) }
  }
  if (ta === 'array' && tb === 'array') {
    const items = a.items && b.items ? merge(a.items as JsonObject, b.items as JsonObject) : (a.items ?? b.items)
    return items ? { type: 'array', items } : { type: 'array' }
  }
  return undefined
}
