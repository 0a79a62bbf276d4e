/**
 * Copy, paste and duplicate. A copy is plain JSON (it travels through the system clipboard, so it also
 * pastes into another tab); pasting gives every entity a fresh id and rewrites references among the pasted
 * entities, including `@{id.attr}` references inside templates. References to entities outside the copy are
 * kept when the target design has that entity, and dropped otherwise.
 */

import { locateEntity, uniqueId } from '../queries'
import { formatRefs, parseRefs } from '../refs'
import { COLLECTIONS, type CollectionName, type Design, type DesignDocument, type EntityId, type Layout, type Position } from '../types'
import { walkFields, fieldsOf } from '../walk'
import { uniqueRouteKey, uniqueStageName } from './entities'
import { opFailed, opOk, type OpResult } from './result'

export const CLIPBOARD_FORMAT = 'socket-studio/clipboard'

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT
  version: 1
  entities: Partial<Record<CollectionName, Record<EntityId, unknown>>>
  layout: Layout
}

/** The selected entities as a clipboard payload (the API itself is not copied), or undefined when empty. */
export function copyEntities(doc: DesignDocument, ids: readonly EntityId[]): ClipboardPayload | undefined {
  const entities: ClipboardPayload['entities'] = {}
  const layout: Layout = {}
  let count = 0
  for (const id of ids) {
    const where = locateEntity(doc.design, id)
    if (!where?.collection) continue
    const bucket = (entities[where.collection] ??= {})
    bucket[id] = structuredClone(doc.design[where.collection][id])
    // Own properties only: an id such as `constructor` must not copy Object.prototype's member.
    if (Object.hasOwn(doc.layout, id)) layout[id] = { ...doc.layout[id] }
    count++
  }
  return count ? { format: CLIPBOARD_FORMAT, version: 1, entities, layout } : undefined
}

/** Reads clipboard text back; anything that is not a socket-studio copy gives a reason. */
export function parseClipboard(text: string): OpResult<ClipboardPayload> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return opFailed('The clipboard does not hold socket-studio entities.')
  }
  const v = value as Partial<ClipboardPayload> | null
  if (!v || typeof v !== 'object' || v.format !== CLIPBOARD_FORMAT || v.version !== 1 || typeof v.entities !== 'object' || !v.entities)
    return opFailed('The clipboard does not hold socket-studio entities.')
  for (const [c, bucket] of Object.entries(v.entities)) {
    if (!(COLLECTIONS as readonly string[]).includes(c) || typeof bucket !== 'object' || bucket === null)
      return opFailed(`The clipboard holds an unknown kind of entity (${c}).`)
    for (const e of Object.values(bucket)) if (typeof e !== 'object' || e === null || Array.isArray(e)) return opFailed('The clipboard content is damaged.')
  }
  const layout: Layout = {}
  if (v.layout && typeof v.layout === 'object')
    for (const [id, p] of Object.entries(v.layout)) if (p && typeof p.x === 'number' && typeof p.y === 'number') layout[id] = { x: p.x, y: p.y }
  return opOk({ format: CLIPBOARD_FORMAT, version: 1, entities: v.entities, layout })
}

function setPath(obj: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = obj
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur.splice(last, 1)
    else delete cur[last]
  } else cur[last] = value
}

export interface PasteResult {
  doc: DesignDocument
  /** Ids of the pasted entities, in the target document. */
  ids: EntityId[]
}

/**
 * Adds the payload's entities to the document. `offset` moves the copies away from the originals; `at`
 * (when given) places the copy's top-left corner there instead.
 */
export function pasteEntities(doc: DesignDocument, payload: ClipboardPayload, placement: { offset?: Position; at?: Position } = {}): PasteResult {
  const idMap = new Map<EntityId, EntityId>()
  let design: Design = { ...doc.design }
  const assigned = new Set<EntityId>()
  const reserve = (base: EntityId): EntityId => {
    let id = uniqueId(design, base)
    for (let n = 2; assigned.has(id); n++) id = uniqueId(design, `${base}${n}`)
    assigned.add(id)
    return id
  }
  for (const c of COLLECTIONS) for (const oldId of Object.keys(payload.entities[c] ?? {})) idMap.set(oldId, reserve(oldId))

  const remapRef = (id: unknown): unknown => {
    if (typeof id !== 'string') return id
    const mapped = idMap.get(id)
    if (mapped) return mapped
    return locateEntity(doc.design, id) ? id : undefined
  }
  const remapString = (text: string): string =>
    formatRefs(parseRefs(text).map((p) => (typeof p === 'string' || !idMap.has(p.entity) ? p : { ...p, entity: idMap.get(p.entity)! })))

  const working: DesignDocument = { design, layout: doc.layout }
  for (const c of COLLECTIONS) {
    const bucket = payload.entities[c]
    if (!bucket) continue
    const collection = { ...(design[c] as Record<string, unknown>) }
    for (const [oldId, raw] of Object.entries(bucket)) {
      const entity = structuredClone(raw) as Record<string, unknown>
      const edits: [(string | number)[], unknown][] = []
      walkFields(fieldsOf(c, entity), entity, [], (spec, value, path) => {
        if (spec.kind === 'ref') edits.push([path, remapRef(value)])
        else if (spec.kind === 'string' && typeof value === 'string' && value.includes('@{')) edits.push([path, remapString(value)])
      })
      // Deepest paths first so removing an item does not shift the next path.
      for (const [path, value] of edits.reverse()) setPath(entity, path, value)
      // A credentials / access-log / domain reference that was dropped leaves an empty wrapper behind.
      for (const key of ['credentials', 'accessLog', 'domainMapping']) {
        const v = entity[key] as Record<string, unknown> | undefined
        if (v && typeof v === 'object' && (Object.keys(v).length === 0 || (key === 'accessLog' && v.destination && Object.keys(v.destination as object).length === 0)))
          delete entity[key]
        if (key === 'domainMapping' && v && !('domain' in v)) delete entity[key]
      }
      if (c === 'routes') entity.key = uniqueRouteKey(working, String(entity.key ?? 'route'))
      if (c === 'stages') entity.name = uniqueStageName(working, String(entity.name ?? 'stage'))
      const newId = idMap.get(oldId)!
      collection[newId] = entity
      design = { ...design, [c]: collection }
      working.design = design
    }
  }

  const positions = Object.entries(payload.layout).filter(([id]) => idMap.has(id))
  const minX = Math.min(...positions.map(([, p]) => p.x))
  const minY = Math.min(...positions.map(([, p]) => p.y))
  const layout: Layout = { ...doc.layout }
  const offset = placement.at ? { x: placement.at.x - minX, y: placement.at.y - minY } : (placement.offset ?? { x: 40, y: 40 })
  positions.forEach(([id, p]) => (layout[idMap.get(id)!] = { x: Math.round(p.x + offset.x), y: Math.round(p.y + offset.y) }))
  // Entities copied without a position get one next to the others.
  let extra = 0
  for (const [oldId, newId] of idMap) if (!layout[newId] && !payload.layout[oldId]) layout[newId] = { x: 40 + 30 * extra, y: 40 + 30 * extra++ }
  return { doc: { design, layout }, ids: [...idMap.values()] }
}

/** Copies of the given entities next to the originals (Ctrl/Cmd+D). */
export function duplicateEntities(doc: DesignDocument, ids: readonly EntityId[]): PasteResult {
  const payload = copyEntities(doc, ids)
  if (!payload) return { doc, ids: [] }
  return pasteEntities(doc, payload, { offset: { x: 40, y: 40 } })
}
