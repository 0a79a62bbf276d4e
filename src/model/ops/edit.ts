/** Editing: deleting entities, moving nodes and setting one field of an entity. */

import { locateEntity } from '../queries'
import { API_ENTITY_ID, COLLECTIONS, type Design, type DesignDocument, type EntityId, type Layout, type Position, type Resource } from '../types'
import { fieldsOf } from '../schema'

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Deletes entities (the API cannot be deleted) and every reference to them, so no edge points nowhere.
 * String references (`@{table.name}` in a template) are left for the checks to report.
 */
export function deleteEntities(doc: DesignDocument, ids: readonly EntityId[]): DesignDocument {
  const gone = new Set(ids.filter((id) => id !== API_ENTITY_ID && locateEntity(doc.design, id)))
  if (!gone.size) return doc
  const d = doc.design
  const design: Design = { ...d }
  for (const c of COLLECTIONS) {
    const entries = Object.entries(d[c])
    if (entries.some(([id]) => gone.has(id))) (design as unknown as Record<string, unknown>)[c] = Object.fromEntries(entries.filter(([id]) => !gone.has(id)))
  }
  const routes = { ...design.routes }
  let routesChanged = false
  for (const [id, r] of Object.entries(routes)) {
    if ((r.integration && gone.has(r.integration)) || (r.authorizer && gone.has(r.authorizer))) {
      const next = { ...r }
      if (next.integration && gone.has(next.integration)) delete next.integration
      if (next.authorizer && gone.has(next.authorizer)) delete next.authorizer
      routes[id] = next
      routesChanged = true
    }
  }
  if (routesChanged) design.routes = routes
  const integrations = { ...design.integrations }
  let integrationsChanged = false
  for (const [id, i] of Object.entries(integrations)) {
    const roleGone = !!i.credentials && 'role' in i.credentials && gone.has(i.credentials.role)
    if ((i.target && gone.has(i.target)) || roleGone) {
      const next = { ...i }
      if (next.target && gone.has(next.target)) delete next.target
      if (roleGone) delete next.credentials
      integrations[id] = next
      integrationsChanged = true
    }
  }
  if (integrationsChanged) design.integrations = integrations
  for (const [id, a] of Object.entries(design.authorizers)) {
    if (a.function && gone.has(a.function)) {
      const next = { ...a }
      delete next.function
      design.authorizers = { ...design.authorizers, [id]: next }
    }
  }
  for (const [id, s] of Object.entries(design.stages)) {
    const dest = s.accessLog?.destination
    const logGone = !!dest && 'logGroup' in dest && gone.has(dest.logGroup)
    const domainGone = !!s.domainMapping && gone.has(s.domainMapping.domain)
    if (logGone || domainGone) {
      const next = { ...s }
      if (logGone) delete next.accessLog
      if (domainGone) delete next.domainMapping
      design.stages = { ...design.stages, [id]: next }
    }
  }
  for (const [id, r] of Object.entries(design.resources)) {
    const next = withoutGoneReferences(r, gone)
    if (next !== r) design.resources = { ...design.resources, [id]: next }
  }
  const layout: Layout = {}
  for (const [id, p] of Object.entries(doc.layout)) if (!gone.has(id)) layout[id] = p
  return { design, layout }
}

/** Sets canvas positions (rounded to whole pixels). Unchanged positions keep their identity. */
export function moveEntities(doc: DesignDocument, positions: Readonly<Record<EntityId, Position>>): DesignDocument {
  let layout: Layout | undefined
  for (const [id, p] of Object.entries(positions)) {
    const x = Math.round(p.x)
    const y = Math.round(p.y)
    const old = Object.hasOwn(doc.layout, id) ? doc.layout[id] : undefined
    if (old && old.x === x && old.y === y) continue
    layout ??= { ...doc.layout }
    layout[id] = { x, y }
  }
  return layout ? { design: doc.design, layout } : doc
}

/** Replaces the whole layout (auto-layout). */
export function setLayout(doc: DesignDocument, layout: Layout): DesignDocument {
  return { design: doc.design, layout }
}

function setIn(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (!path.length) return next
  const [head, ...rest] = path
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value]
    const child = setIn(copy[head], rest, next)
    if (child === undefined) copy.splice(head, 1)
    else copy[head] = child
    return copy
  }
  const obj: Obj = isObj(value) ? { ...value } : {}
  const child = setIn(obj[head as string], rest, next)
  if (child === undefined) delete obj[head as string]
  else obj[head as string] = child
  return obj
}

/** The current value of a field of an entity (`path` inside the entity). */
export function getField(design: Design, entityId: EntityId, path: readonly (string | number)[]): unknown {
  let v: unknown = entityOf(design, entityId)
  for (const p of path) {
    if (v === undefined || v === null) return undefined
    v = (v as Record<string | number, unknown>)[p]
  }
  return v
}

export function entityOf(design: Design, entityId: EntityId): unknown {
  if (entityId === API_ENTITY_ID) return design.api
  const where = locateEntity(design, entityId)
  return where?.collection ? design[where.collection][entityId] : undefined
}

/**
 * Sets one field of an entity; `undefined` removes it. Writing the value it already has returns the same
 * document (so an edit that changes nothing makes no undo step).
 */
export function setField(doc: DesignDocument, entityId: EntityId, path: readonly (string | number)[], value: unknown): DesignDocument {
  if (!path.length) return doc
  const current = getField(doc.design, entityId, path)
  if (current === value) return doc
  const { design } = doc
  if (entityId === API_ENTITY_ID) return { ...doc, design: { ...design, api: setIn(design.api, path, value) as Design['api'] } }
  const where = locateEntity(design, entityId)
  if (!where?.collection) return doc
  const collection = design[where.collection] as Record<string, unknown>
  return {
    ...doc,
    design: { ...design, [where.collection]: { ...collection, [entityId]: setIn(collection[entityId], path, value) } },
  }
}

/**
 * A resource without the reference fields that name a deleted entity (a queue's, function's or bus's dead-letter
 * queue, a table's Kinesis stream, a function's log group); an object field whose required reference is gone
 * (a state machine's logging) goes whole. Unchanged resources keep their identity.
 */
function withoutGoneReferences(r: Resource, gone: ReadonlySet<string>): Resource {
  let next: Record<string, unknown> | undefined
  const value = r as unknown as Record<string, unknown>
  for (const [name, spec] of Object.entries(fieldsOf('resources', r))) {
    const v = value[name]
    const dangling = spec.kind === 'ref'
      ? typeof v === 'string' && gone.has(v)
      : spec.kind === 'object' && typeof v === 'object' && v !== null &&
        Object.entries(spec.fields).some(([k, f]) => f.kind === 'ref' && f.required && gone.has(String((v as Record<string, unknown>)[k])))
    if (dangling) {
      next ??= { ...value }
      delete next[name]
    }
  }
  return next ? (next as unknown as Resource) : r
}

