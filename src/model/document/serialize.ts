/**
 * Design document → text, byte-stable: the same document always gives the same bytes, and a file this
 * module wrote parses and serialises back to itself. Keys follow the field table in schema.ts; unknown keys
 * follow in their own order; undefined values are dropped.
 */

import { dump } from 'js-yaml'
import { API_FIELDS, fieldsOf, type FieldSpec, type FieldsSpec } from '../schema'
import { API_ENTITY_ID, COLLECTIONS, type DesignDocument } from '../types'
import { DESIGN_FORMAT, DESIGN_VERSION, GENERATOR } from './envelope'

export type DocumentFormat = 'yaml' | 'json'

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function canonicalValue(spec: FieldSpec | undefined, value: unknown): unknown {
  if (value === undefined) return undefined
  if (!spec) return value
  switch (spec.kind) {
    case 'map':
      if (!isPlainObject(value)) return value
      return Object.fromEntries(
        Object.entries(value)
          .map(([k, v]) => [k, canonicalValue(spec.value, v)] as const)
          .filter(([, v]) => v !== undefined),
      )
    case 'object':
      return isPlainObject(value) ? canonicalFields(spec.fields, value) : value
    case 'oneOf': {
      if (!isPlainObject(value)) return value
      const alt = Object.keys(spec.alternatives).find((k) => k in value)
      return alt ? canonicalFields(spec.alternatives[alt], value) : value
    }
    default:
      return value
  }
}

function canonicalFields(fields: FieldsSpec, value: Record<string, unknown>): Record<string, unknown> {
  const entries: [string, unknown][] = []
  for (const name of Object.keys(fields)) {
    const v = canonicalValue(fields[name], value[name])
    if (v !== undefined) entries.push([name, v])
  }
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(fields, name) && value[name] !== undefined) entries.push([name, value[name]])
  }
  return Object.fromEntries(entries)
}


/** The envelope object as it is written to disk. */
export function toEnvelope(doc: DesignDocument): Record<string, unknown> {
  const { design, layout } = doc
  const out: Record<string, unknown> = { api: canonicalFields(API_FIELDS, design.api as unknown as Record<string, unknown>) }
  for (const c of COLLECTIONS) {
    const entities = design[c] as unknown as Record<string, Record<string, unknown>>
    const ids = Object.keys(entities ?? {})
    if (!ids.length) continue
    out[c] = Object.fromEntries(
      ids.map((id) => {
        const e = entities[id]
        return [id, canonicalFields(fieldsOf(c, e), e)]
      }),
    )
  }
  if (design.cloudformation && Object.keys(design.cloudformation).length) out.cloudformation = design.cloudformation
  if (design.scripts && Object.keys(design.scripts).length) out.scripts = design.scripts
  for (const [k, v] of Object.entries(design.extra ?? {})) out[k] = v

  // Layout in entity order, then positions of ids the design no longer has (kept; the checks report them).
  const order = [API_ENTITY_ID, ...COLLECTIONS.flatMap((c) => Object.keys(design[c] ?? {}))]
  const known = new Set(order)
  const layoutIds = [...order.filter((id) => Object.prototype.hasOwnProperty.call(layout, id)), ...Object.keys(layout).filter((id) => !known.has(id))]
  const envelope: Record<string, unknown> = {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    generator: GENERATOR,
    design: out,
  }
  if (layoutIds.length) envelope.layout = Object.fromEntries(layoutIds.map((id) => [id, { x: layout[id].x, y: layout[id].y }]))
  return envelope
}

export function serializeDocument(doc: DesignDocument, format: DocumentFormat = 'yaml'): string {
  const envelope = toEnvelope(doc)
  if (format === 'json') return `${JSON.stringify(envelope, null, 2)}\n`
  return dump(envelope, { noRefs: true, lineWidth: -1 })
}
