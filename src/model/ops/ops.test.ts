import { describe, expect, it } from 'vitest'
import { aDesign } from '../builders'
import { seedDocument } from '../seed'
import { schemaProblems } from '../contract/draft04'
import type { DesignDocument } from '../types'
import {
  addEntity,
  canConnect,
  connect,
  copyEntities,
  deleteEntities,
  disconnect,
  duplicateEntities,
  graphEdges,
  moveEntities,
  parseClipboard,
  pasteEntities,
  setField,
  type NewEntitySpec,
} from './index'

function add(doc: DesignDocument, spec: NewEntitySpec, x = 0, y = 0) {
  const r = addEntity(doc, spec, { x, y })
  if (!r.ok) throw new Error(r.reason)
  return r.value
}

function empty(): DesignDocument {
  return { design: aDesign('demo').build(), layout: {} }
}

describe('addEntity', () => {
  it('adds each kind with defaults and a position', () => {
    let doc = empty()
    const specs: NewEntitySpec[] = [
      { kind: 'api' },
      { kind: 'stage' },
      { kind: 'route', route: '$connect' },
      { kind: 'route', route: '$disconnect' },
      { kind: 'route', route: '$default' },
      { kind: 'route', route: 'custom' },
      { kind: 'integration', preset: 'dynamodb-putitem' },
      { kind: 'integration', preset: 'lambda-nonproxy' },
      { kind: 'integration', type: 'lambda-proxy' },
      { kind: 'integration', type: 'mock' },
      { kind: 'integration', type: 'http' },
      { kind: 'integration', type: 'http-proxy' },
      { kind: 'authorizer', type: 'lambda' },
      { kind: 'authorizer', type: 'iam' },
      { kind: 'resource', type: 'dynamodb-table' },
      { kind: 'resource', type: 'sqs-queue' },
      { kind: 'resource', type: 'existing', existingKind: 'sns-topic' },
    ]
    const ids: string[] = []
    for (const [i, spec] of specs.entries()) {
      const r = add(doc, spec, i * 10, 5)
      doc = r.doc
      ids.push(r.id)
    }
    expect(new Set(ids).size).toBe(specs.length)
    for (const id of ids) expect(doc.layout[id]).toBeDefined()
    expect(Object.values(doc.design.routes).map((r) => r.key)).toEqual(['$connect', '$disconnect', '$default', 'sendmessage'])
    expect(doc.design.integrations.putItem).toMatchObject({ type: 'aws', service: 'dynamodb', action: 'PutItem', method: 'POST' })
    expect(doc.design.stages.dev).toEqual({ name: 'dev', autoDeploy: true })
    expect(doc.design.resources.existing).toMatchObject({ type: 'existing', kind: 'sns-topic' })
  })

  it('refuses a second predefined route and a second API on the canvas, with a reason', () => {
    const doc = seedDocument()
    const r = addEntity(doc, { kind: 'route', route: '$connect' }, { x: 0, y: 0 })
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('already has a $connect route') })
    expect(addEntity(doc, { kind: 'api' }, { x: 0, y: 0 }).ok).toBe(false)
  })

  it('gives custom routes unique keys', () => {
    let doc = empty()
    doc = add(doc, { kind: 'route', route: 'custom' }).doc
    doc = add(doc, { kind: 'route', route: 'custom' }).doc
    expect(Object.values(doc.design.routes).map((r) => r.key)).toEqual(['sendmessage', 'sendmessage2'])
  })
})

describe('canConnect / connect', () => {
  function wired() {
    let doc = empty()
    const route = add(doc, { kind: 'route', route: '$connect' })
    doc = route.doc
    const integ = add(doc, { kind: 'integration', preset: 'dynamodb-putitem' })
    doc = integ.doc
    const table = add(doc, { kind: 'resource', type: 'dynamodb-table' })
    doc = table.doc
    return { doc, route: route.id, integ: integ.id, table: table.id }
  }

  it('wires route → integration → table and applies the preset (URI fields, template, role)', () => {
    const w = wired()
    const a = connect(w.doc, w.route, w.integ)
    expect(a.ok).toBe(true)
    if (!a.ok) return
    const b = connect(a.value, w.integ, w.table)
    expect(b.ok).toBe(true)
    if (!b.ok) return
    const integration = b.value.design.integrations[w.integ]
    expect(b.value.design.routes[w.route].integration).toBe(w.integ)
    expect(integration.target).toBe(w.table)
    expect(integration.credentials).toEqual({ role: expect.any(String) })
    const roleId = (integration.credentials as { role: string }).role
    expect(b.value.design.resources[roleId]).toEqual({ type: 'iam-role' })
    // The new role is placed below the table it serves.
    expect(b.value.layout[roleId]).toEqual({ x: b.value.layout[w.table].x, y: b.value.layout[w.table].y + 110 })
    expect(Object.values(integration.requestTemplates ?? {}).join('')).toContain(`@{${w.table}.`)
    expect(graphEdges(b.value.design).map((e) => e.kind).sort()).toEqual(['credentials', 'integration', 'target'])
  })

  it('reads a connection drawn backwards the right way round', () => {
    const w = wired()
    const r = canConnect(w.doc, w.integ, w.route)
    expect(r).toEqual({ ok: true, value: { kind: 'integration', source: w.route, target: w.integ } })
  })

  it('refuses a second integration on one route', () => {
    const w = wired()
    const a = connect(w.doc, w.route, w.integ)
    if (!a.ok) throw new Error(a.reason)
    const other = add(a.value, { kind: 'integration', type: 'mock' })
    const r = canConnect(other.doc, w.route, other.id)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/already has an integration/)
  })

  it('refuses an authorizer on a custom route and allows it on $connect', () => {
    let doc = empty()
    const auth = add(doc, { kind: 'authorizer', type: 'lambda' })
    doc = auth.doc
    const custom = add(doc, { kind: 'route', route: 'custom' })
    doc = custom.doc
    const conn = add(doc, { kind: 'route', route: '$connect' })
    doc = conn.doc
    const refused = canConnect(doc, auth.id, custom.id)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason).toMatch(/only to \$connect/)
    const ok = connect(doc, auth.id, conn.id)
    expect(ok.ok && ok.value.design.routes[conn.id].authorizer).toBe(auth.id)
  })

  it('refuses wrong resource types and unrelated kinds', () => {
    const w = wired()
    const queue = add(w.doc, { kind: 'resource', type: 'sqs-queue' })
    const r = canConnect(queue.doc, w.integ, queue.id)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/acts on a dynamodb-table/)
    const mock = add(queue.doc, { kind: 'integration', type: 'mock' })
    expect(canConnect(mock.doc, mock.id, w.table).ok).toBe(false)
    expect(canConnect(mock.doc, w.route, w.table).ok).toBe(false)
  })

  it('disconnects an edge and refuses to detach a stage from the API', () => {
    const w = wired()
    const a = connect(w.doc, w.route, w.integ)
    if (!a.ok) throw new Error(a.reason)
    const d = disconnect(a.value, { kind: 'integration', source: w.route, target: w.integ })
    expect(d.ok && d.value.design.routes[w.route].integration).toBeUndefined()
    expect(disconnect(seedDocument(), { kind: 'stage', source: 'dev', target: 'api' }).ok).toBe(false)
  })
})

describe('delete, move, setField', () => {
  it('deletes entities with every reference to them, but never the API', () => {
    const doc = seedDocument()
    const next = deleteEntities(doc, ['putItem', 'api'])
    expect(next.design.integrations.putItem).toBeUndefined()
    expect(next.design.routes.connect.integration).toBeUndefined()
    expect(next.layout.putItem).toBeUndefined()
    expect(next.layout.api).toBeDefined()
    const noRole = deleteEntities(doc, ['apiRole'])
    expect(noRole.design.integrations.putItem.credentials).toBeUndefined()
    expect(doc.design.integrations.putItem.credentials).toEqual({ role: 'apiRole' })
  })

  it('moves nodes and keeps identity when nothing changed', () => {
    const doc = seedDocument()
    expect(moveEntities(doc, { connect: { ...doc.layout.connect } })).toBe(doc)
    const moved = moveEntities(doc, { connect: { x: 10.4, y: 20.6 } })
    expect(moved.layout.connect).toEqual({ x: 10, y: 21 })
    expect(moved.design).toBe(doc.design)
  })

  it('sets and removes nested fields immutably', () => {
    const doc = seedDocument()
    const a = setField(doc, 'dev', ['throttle', 'rateLimit'], 100)
    expect(a.design.stages.dev.throttle).toEqual({ rateLimit: 100 })
    expect(doc.design.stages.dev.throttle).toBeUndefined()
    const b = setField(a, 'api', ['description'], 'hello')
    expect(b.design.api.description).toBe('hello')
    const c = setField(b, 'api', ['description'], undefined)
    expect('description' in c.design.api).toBe(false)
    expect(setField(c, 'api', ['name'], c.design.api.name)).toBe(c)
  })
})

describe('copy, paste, duplicate', () => {
  it('pastes with fresh ids and references remapped, also inside templates', () => {
    const doc = seedDocument()
    const payload = copyEntities(doc, ['connect', 'putItem', 'table', 'apiRole'])!
    const text = JSON.stringify(payload)
    const parsed = parseClipboard(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const { doc: next, ids } = pasteEntities(doc, parsed.value, { offset: { x: 0, y: 300 } })
    expect(ids).toHaveLength(4)
    const [route, integ, table, role] = ['connect', 'putItem', 'table', 'apiRole'].map((old) => ids.find((id) => id.startsWith(old))!)
    expect(route).not.toBe('connect')
    expect(next.design.routes[route]).toMatchObject({ key: 'connect-copy', integration: integ })
    expect(next.design.integrations[integ]).toMatchObject({ target: table, credentials: { role } })
    expect(Object.values(next.design.integrations[integ].requestTemplates!).join('')).toContain(`@{${table}.name}`)
    expect(next.layout[route]).toEqual({ x: doc.layout.connect.x, y: doc.layout.connect.y + 300 })
  })

  it('drops references to entities the target design lacks (paste into another design)', () => {
    const payload = copyEntities(seedDocument(), ['putItem'])!
    const { doc, ids } = pasteEntities(empty(), payload)
    const integ = doc.design.integrations[ids[0]]
    expect(integ.target).toBeUndefined()
    expect(integ.credentials).toBeUndefined()
  })

  it('duplicates next to the original and keeps outside references', () => {
    const doc = seedDocument()
    const { doc: next, ids } = duplicateEntities(doc, ['putItem'])
    expect(ids).toEqual(['putItem2'])
    expect(next.design.integrations.putItem2).toMatchObject({ target: 'table', credentials: { role: 'apiRole' } })
    expect(next.layout.putItem2).toEqual({ x: doc.layout.putItem.x + 40, y: doc.layout.putItem.y + 40 })
  })

  it('refuses clipboard text that is not a copy', () => {
    expect(parseClipboard('hello').ok).toBe(false)
    expect(parseClipboard('{"format":"other"}').ok).toBe(false)
  })
})

describe('addEntity: models and server messages', () => {
  it('adds a model with a valid letters-and-digits name and a draft-4 object schema, and a server message', () => {
    const first = addEntity(seedDocument(), { kind: 'model' }, { x: 10.4, y: 20 })
    if (!first.ok) throw new Error(first.reason)
    const second = addEntity(first.value.doc, { kind: 'model' }, { x: 0, y: 0 })
    if (!second.ok) throw new Error(second.reason)
    expect([first.value.id, second.value.id]).toEqual(['Model1', 'Model2'])
    const model = second.value.doc.design.models.Model2
    expect(model).toMatchObject({ name: 'Model2', contentType: 'application/json' })
    expect(schemaProblems(model.schema)).toEqual([])
    expect(second.value.doc.layout.Model1).toEqual({ x: 10, y: 20 })
    const msg = addEntity(seedDocument(), { kind: 'message' }, { x: 0, y: 0 })
    if (!msg.ok) throw new Error(msg.reason)
    expect(msg.value.doc.design.messages[msg.value.id]).toMatchObject({ name: 'serverMessage' })
  })
})
