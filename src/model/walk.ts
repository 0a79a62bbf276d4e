/**
 * Visits every typed value of an entity according to the field table, so rules such as "every reference
 * resolves" or "every string's @{…} references exist" are written once for all entity kinds.
 */

import { API_FIELDS, fieldsOf, type FieldSpec, type FieldsSpec } from './schema'
import { API_ENTITY_ID, COLLECTIONS, type Design, type EntityId } from './types'

export { fieldsOf }

export type Visitor = (spec: FieldSpec, value: unknown, path: (string | number)[]) => void

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function walkValue(spec: FieldSpec, value: unknown, path: (string | number)[], visit: Visitor): void {
  if (value === undefined) return
  visit(spec, value, path)
  switch (spec.kind) {
    case 'map':
      if (isObject(value)) for (const [k, v] of Object.entries(value)) walkValue(spec.value, v, [...path, k], visit)
      break
    case 'object':
      if (isObject(value)) walkFields(spec.fields, value, path, visit)
      break
    case 'oneOf':
      if (isObject(value)) {
        const alt = Object.keys(spec.alternatives).find((k) => k in value)
        if (alt) walkFields(spec.alternatives[alt], value, path, visit)
      }
      break
    case 'stringList':
      if (Array.isArray(value)) value.forEach((v, i) => walkValue({ kind: 'string' }, v, [...path, i], visit))
      break
    default:
      break
  }
}

export function walkFields(fields: FieldsSpec, value: Record<string, unknown>, path: (string | number)[], visit: Visitor): void {
  // Most fields of an entity are unset: the path is built only for the ones that hold a value.
  for (const name in fields) {
    const field = value[name]
    if (field !== undefined) walkValue(fields[name], field, [...path, name], visit)
  }
}

/** Calls `visit(entityId, spec, value, fieldPath)` for every typed value in the design. */
export function walkDesign(design: Design, visit: (entity: EntityId, spec: FieldSpec, value: unknown, path: (string | number)[]) => void): void {
  walkFields(API_FIELDS, design.api as unknown as Record<string, unknown>, [], (s, v, p) => visit(API_ENTITY_ID, s, v, p))
  for (const c of COLLECTIONS) {
    for (const [id, entity] of Object.entries(design[c] as unknown as Record<string, Record<string, unknown>>)) {
      walkFields(fieldsOf(c, entity), entity, [], (s, v, p) => visit(id, s, v, p))
    }
  }
}
