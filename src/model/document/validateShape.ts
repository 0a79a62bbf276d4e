/**
 * Checks a loaded YAML/JSON value against the field table in schema.ts and builds the typed design.
 * Every problem becomes a diagnostic with a path; nothing throws. Unknown fields are kept verbatim (in their
 * original order, after the known ones) and reported as info, so a newer file or an import loses nothing.
 */

import type { Diagnostic } from '../diagnostics'
import { fieldPath } from '../fieldPath'
import { API_FIELDS, COLLECTION_FIELDS, resourceFields, type FieldSpec, type FieldsSpec } from '../schema'
import {
  COLLECTIONS,
  ENTITY_ID_PATTERN,
  RESOURCE_TYPES,
  type Design,
  type Json,
  type JsonObject,
  type Layout,
  type ResourceType,
} from '../types'

/** A diagnostic whose location is a path in the file (resolved to line/column by the source map). */
export interface ShapeDiagnostic extends Diagnostic {
  path: string[]
}

/** Caps the number of values walked so an alias bomb cannot expand into millions of nodes. */
export class NodeBudget {
  constructor(private remaining: number) {}
  spend(): boolean {
    return --this.remaining >= 0
  }
  get exhausted(): boolean {
    return this.remaining < 0
  }
}

type Sink = (d: Omit<ShapeDiagnostic, 'severity'> & { severity?: ShapeDiagnostic['severity'] }) => void

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (isPlainObject(v)) return 'a mapping'
  return `${typeof v} ${JSON.stringify(v)}`
}

/** Deep copy of a JSON value with fresh objects (breaks alias sharing, defines `__proto__` as a plain key). */
export function cloneJson(value: unknown, budget: NodeBudget): Json | undefined {
  if (!budget.spend()) return undefined
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (Array.isArray(value)) {
    const out: Json[] = []
    for (const item of value) {
      const c = cloneJson(item, budget)
      if (budget.exhausted) return undefined
      out.push(c ?? null)
    }
    return out
  }
  if (isPlainObject(value)) {
    const entries: [string, Json][] = []
    for (const key of Object.keys(value)) {
      const c = cloneJson(value[key], budget)
      if (budget.exhausted) return undefined
      if (c !== undefined) entries.push([key, c])
    }
    return Object.fromEntries(entries)
  }
  return null
}

function checkValue(spec: FieldSpec, value: unknown, path: string[], entityPath: EntityPath, sink: Sink, budget: NodeBudget): unknown {
  const where = entityPath.describe(path)
  const bad = (expected: string) => {
    sink({ code: 'DOC005', message: `${where} must be ${expected}, not ${describe(value)}.`, path, ...entityPath.at(path) })
    return undefined
  }
  switch (spec.kind) {
    case 'string':
      if (spec.intrinsic && isPlainObject(value)) return cloneJson(value, budget)
      return typeof value === 'string' ? value : bad(spec.intrinsic ? 'a string or a CloudFormation intrinsic' : 'a string')
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('a number')
      if (spec.integer && !Number.isInteger(value)) return bad('a whole number')
      return value
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('true or false')
    case 'enum':
      if (typeof value === 'string' && spec.values.includes(value)) return value
      sink({
        code: 'DOC007',
        message: `${where} must be one of ${spec.values.join(', ')}, not ${describe(value)}.`,
        path,
        ...entityPath.at(path),
      })
      return undefined
    case 'ref':
      if (typeof value !== 'string') return bad('the id of another entity')
      return value
    case 'stringList':
      if (!Array.isArray(value)) return bad('a list of strings')
      return value.filter((item, i) => {
        if (typeof item === 'string') return true
        checkValue({ kind: 'string' }, item, [...path, String(i)], entityPath, sink, budget)
        return false
      })
    case 'map': {
      if (!isPlainObject(value)) return bad('a mapping')
      const entries: [string, unknown][] = []
      for (const key of Object.keys(value)) {
        if (!budget.spend()) return undefined
        const v = checkValue(spec.value, value[key], [...path, key], entityPath, sink, budget)
        if (v !== undefined) entries.push([key, v])
      }
      return Object.fromEntries(entries)
    }
    case 'object':
      if (!isPlainObject(value)) return bad('a mapping')
      return checkFields(spec.fields, value, path, entityPath, sink, budget)
    case 'oneOf': {
      if (!isPlainObject(value)) return bad('a mapping')
      const names = Object.keys(spec.alternatives)
      const present = names.filter((n) => n in value)
      if (present.length !== 1) {
        sink({
          code: 'DOC005',
          message: `${where} must have exactly one of ${names.join(', ')}.`,
          path,
          ...entityPath.at(path),
        })
        return undefined
      }
      return checkFields(spec.alternatives[present[0]], value, path, entityPath, sink, budget)
    }
    case 'json': {
      const c = cloneJson(value, budget)
      return c
    }
  }
}

export function checkFields(
  fields: FieldsSpec,
  value: Record<string, unknown>,
  path: string[],
  entityPath: EntityPath,
  sink: Sink,
  budget: NodeBudget,
): JsonObject {
  const entries: [string, unknown][] = []
  for (const [name, spec] of Object.entries(fields)) {
    if (!(name in value) || value[name] === null || value[name] === undefined) {
      if (spec.required) {
        sink({
          code: 'DOC006',
          message: `${entityPath.describe(path)} is missing the required field "${name}".`,
          path,
          ...entityPath.at([...path, name]),
        })
      }
      continue
    }
    const checked = checkValue(spec, value[name], [...path, name], entityPath, sink, budget)
    if (checked !== undefined) entries.push([name, checked])
  }
  for (const name of Object.keys(value)) {
    if (name in fields) continue
    const kept = cloneJson(value[name], budget)
    if (kept === undefined) continue
    entries.push([name, kept])
    sink({
      code: 'DOC010',
      severity: 'info',
      message: `${entityPath.describe([...path, name])} is not a field this version knows; it is kept as is.`,
      path: [...path, name],
      ...entityPath.at([...path, name]),
    })
  }
  return Object.fromEntries(entries) as JsonObject
}

/** Turns file paths into entity/field names for messages and diagnostics. */
class EntityPath {
  at(path: string[]): { entity?: string; field?: string } {
    // ['design', 'routes', '<id>', ...field] or ['design', 'api', ...field]
    if (path[0] !== 'design') return {}
    if (path[1] === 'api') return { entity: 'api', field: path.length > 2 ? fieldPath(...path.slice(2)) : undefined }
    if (path.length >= 3) return { entity: path[2], field: path.length > 3 ? fieldPath(...path.slice(3)) : undefined }
    return {}
  }
  describe(path: string[]): string {
    const { entity, field } = this.at(path)
    if (entity && field) return `${entity}.${field}`
    if (entity) return `"${entity}"`
    return path.length ? fieldPath(...path) : 'the document'
  }
}


export interface ShapeResult {
  design?: Design
  layout: Layout
  diagnostics: ShapeDiagnostic[]
}

/** Validates `{ design, layout }` (the envelope's payload). */
export function validateShape(payload: Record<string, unknown>, budget: NodeBudget): ShapeResult {
  const diagnostics: ShapeDiagnostic[] = []
  const sink: Sink = (d) => diagnostics.push({ severity: 'error', ...d })
  const entityPath = new EntityPath()
  const rawDesign = payload.design
  if (!isPlainObject(rawDesign)) {
    sink({ code: 'DOC005', message: `"design" must be a mapping, not ${describe(rawDesign)}.`, path: ['design'] })
    return { layout: {}, diagnostics }
  }

  const design: Record<string, unknown> = {}
  if (!isPlainObject(rawDesign.api)) {
    sink({ code: 'DOC006', message: 'The design has no "api" mapping.', path: ['design', 'api'], entity: 'api' })
  } else {
    design.api = checkFields(API_FIELDS, rawDesign.api, ['design', 'api'], entityPath, sink, budget)
  }

  const seenIds = new Map<string, string>([['api', 'api'], ['aws', 'aws']])
  for (const collection of COLLECTIONS) {
    const raw = rawDesign[collection]
    const out: Record<string, unknown> = {}
    if (raw !== undefined && raw !== null && !isPlainObject(raw)) {
      sink({ code: 'DOC005', message: `"${collection}" must be a mapping of id → entity, not ${describe(raw)}.`, path: ['design', collection] })
    } else if (raw) {
      for (const id of Object.keys(raw)) {
        const path = ['design', collection, id]
        if (!budget.spend()) break
        if (!ENTITY_ID_PATTERN.test(id)) {
          sink({ code: 'DOC008', message: `"${id}" is not a valid id: start with a letter; then letters, digits, - and _ (at most 128).`, path, entity: id })
          continue
        }
        const other = seenIds.get(id)
        if (other) {
          sink({ code: 'DOC009', message: `The id "${id}" is used twice (${other} and ${collection}); ids are unique across the design.`, path, entity: id })
          continue
        }
        seenIds.set(id, collection)
        const body = raw[id]
        if (!isPlainObject(body)) {
          sink({ code: 'DOC005', message: `"${id}" must be a mapping, not ${describe(body)}.`, path, entity: id })
          continue
        }
        let fields: FieldsSpec
        if (collection === 'resources') {
          if (typeof body.type !== 'string' || !(RESOURCE_TYPES as readonly string[]).includes(body.type)) {
            sink({
              code: 'DOC007',
              message: `Resource "${id}" has type ${describe(body.type)}; expected one of ${RESOURCE_TYPES.join(', ')}.`,
              path: [...path, 'type'],
              entity: id,
              field: 'type',
            })
            continue
          }
          fields = resourceFields(body.type as ResourceType)
        } else {
          fields = COLLECTION_FIELDS[collection]
        }
        out[id] = checkFields(fields, body, path, entityPath, sink, budget)
      }
    }
    design[collection] = out
  }

  for (const key of Object.keys(rawDesign)) {
    if (key === 'api' || (COLLECTIONS as readonly string[]).includes(key)) continue
    const kept = cloneJson(rawDesign[key], budget)
    if (kept === undefined) continue
    if (key === 'cloudformation') {
      if (!isPlainObject(kept)) sink({ code: 'DOC005', message: '"cloudformation" must be a mapping.', path: ['design', key] })
      else design.cloudformation = kept
      continue
    }
    if (key === 'scripts') {
      if (!isPlainObject(kept)) sink({ code: 'DOC005', message: '"scripts" must be a mapping of script name → {steps: [...]}.', path: ['design', key] })
      else design.scripts = kept
      continue
    }
    design.extra = { ...((design.extra as JsonObject | undefined) ?? {}), [key]: kept }
    sink({ code: 'DOC010', severity: 'info', message: `design.${key} is not a field this version knows; it is kept as is.`, path: ['design', key] })
  }

  const layout: Layout = {}
  const rawLayout = payload.layout
  if (rawLayout !== undefined && rawLayout !== null) {
    if (!isPlainObject(rawLayout)) {
      sink({ code: 'DOC005', message: `"layout" must be a mapping of id → {x, y}, not ${describe(rawLayout)}.`, path: ['layout'] })
    } else {
      for (const id of Object.keys(rawLayout)) {
        if (!budget.spend()) break
        const p = rawLayout[id]
        if (isPlainObject(p) && typeof p.x === 'number' && typeof p.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y)) {
          layout[id] = { x: p.x, y: p.y }
        } else {
          sink({ code: 'DOC005', message: `layout.${id} must be {x: number, y: number}.`, path: ['layout', id] })
        }
      }
    }
  }

  if (budget.exhausted) {
    diagnostics.push({
      code: 'DOC011',
      severity: 'error',
      message: 'The file expands to too many values (a YAML alias bomb or a runaway file); it was not loaded.',
      path: [],
    })
  }
  return { design: design as unknown as Design, layout, diagnostics }
}
