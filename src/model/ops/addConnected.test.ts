import { describe, expect, it } from 'vitest'
import { aDesign } from '../builders'
import { seedDocument } from '../seed'
import { addConnected, connectableSpecs } from './addConnected'
import type { NewEntitySpec } from './entities'

/** One of each thing the palette can add. */
const EVERY_KIND: NewEntitySpec[] = [
  { kind: 'api' },
  { kind: 'stage' },
  { kind: 'model' },
  { kind: 'message' },
  { kind: 'route', route: '$connect' },
  { kind: 'route', route: '$disconnect' },
  { kind: 'route', route: '$default' },
  { kind: 'route', route: 'custom' },
  { kind: 'integration', preset: 'dynamodb-putitem' },
  { kind: 'integration', preset: 'sqs-sendmessage' },
  { kind: 'integration', preset: 'lambda-nonproxy' },
  { kind: 'integration', type: 'lambda-proxy' },
  { kind: 'integration', type: 'mock' },
  { kind: 'integration', type: 'http' },
  { kind: 'integration', type: 'http-proxy' },
  { kind: 'authorizer', type: 'lambda' },
  { kind: 'authorizer', type: 'iam' },
  { kind: 'resource', type: 'dynamodb-table' },
  { kind: 'resource', type: 'sqs-queue' },
  { kind: 'resource', type: 'lambda-function' },
  { kind: 'resource', type: 'iam-role' },
  { kind: 'resource', type: 'log-group' },
  { kind: 'resource', type: 'existing' },
]

function offered(doc: Parameters<typeof connectableSpecs>[0], from: Parameters<typeof connectableSpecs>[1]): NewEntitySpec[] {
  const r = connectableSpecs(doc, from, EVERY_KIND)
  if (!r.ok) throw new Error(r.reason)
  return r.value
}

describe('connectableSpecs', () => {
  it('offers only integrations from the out-handle of a route without one', () => {
    const doc = aDesign().withRoute('connect', { key: '$connect' }).buildDocument()
    expect(offered(doc, { id: 'connect', end: 'source' })).toEqual(EVERY_KIND.filter((s) => s.kind === 'integration'))
  })

  it('offers nothing, with the reason, from a route that already has its integration', () => {
    const r = connectableSpecs(seedDocument(), { id: 'connect', end: 'source' }, EVERY_KIND)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/already has an integration/)
  })

  it('offers authorizers into $connect and nothing into another route', () => {
    const doc = aDesign().withRoute('connect', { key: '$connect' }).withRoute('send', { key: 'send' }).buildDocument()
    expect(offered(doc, { id: 'connect', end: 'target' })).toEqual(EVERY_KIND.filter((s) => s.kind === 'authorizer'))
    const r = connectableSpecs(doc, { id: 'send', end: 'target' }, EVERY_KIND)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/only to \$connect/)
  })

  it('offers the routes the design can still hold into an integration', () => {
    const doc = aDesign().withMockRoute('connect', '$connect').buildDocument()
    expect(offered(doc, { id: 'connectMock', end: 'target' })).toEqual([
      { kind: 'route', route: '$disconnect' },
      { kind: 'route', route: '$default' },
      { kind: 'route', route: 'custom' },
    ])
  })

  it("offers what a DynamoDB PutItem acts on and its role from the integration's out-handle", () => {
    const doc = seedDocument()
    delete doc.design.integrations.putItem.target
    delete doc.design.integrations.putItem.credentials
    expect(offered(doc, { id: 'putItem', end: 'source' })).toEqual([
      { kind: 'resource', type: 'dynamodb-table' },
      { kind: 'resource', type: 'iam-role' },
      // An existing resource by ARN starts as a DynamoDB table.
      { kind: 'resource', type: 'existing' },
    ])
  })

  it('offers nothing from a Mock integration, which has no backend', () => {
    const doc = aDesign().withMockRoute('connect', '$connect').buildDocument()
    expect(connectableSpecs(doc, { id: 'connectMock', end: 'source' }, EVERY_KIND).ok).toBe(false)
  })
})

describe('addConnected', () => {
  it('adds the entity where asked and wires it in one document change', () => {
    const doc = aDesign().withRoute('connect', { key: '$connect' }).buildDocument()
    const r = addConnected(doc, { kind: 'integration', preset: 'dynamodb-putitem' }, { x: 300, y: 40 }, { id: 'connect', end: 'source' })
    if (!r.ok) throw new Error(r.reason)
    expect(r.value.doc.design.routes.connect.integration).toBe(r.value.id)
    expect(r.value.doc.design.integrations[r.value.id].service).toBe('dynamodb')
    expect(r.value.doc.layout[r.value.id]).toEqual({ x: 300, y: 40 })
    // The input is untouched.
    expect(doc.design.integrations).toEqual({})
  })

  it('wires a new source into a target handle, and applies the preset of the integration it targets', () => {
    const doc = seedDocument()
    delete doc.design.integrations.putItem.target
    const r = addConnected(doc, { kind: 'resource', type: 'dynamodb-table' }, { x: 0, y: 0 }, { id: 'putItem', end: 'source' })
    if (!r.ok) throw new Error(r.reason)
    expect(r.value.doc.design.integrations.putItem.target).toBe(r.value.id)
    const into = addConnected(doc, { kind: 'route', route: 'custom' }, { x: 0, y: 0 }, { id: 'putItem', end: 'target' })
    if (!into.ok) throw new Error(into.reason)
    expect(into.value.doc.design.routes[into.value.id].integration).toBe('putItem')
  })

  it('refuses what the wiring refuses, leaving nothing added', () => {
    const doc = aDesign().withRoute('connect', { key: '$connect' }).buildDocument()
    const r = addConnected(doc, { kind: 'resource', type: 'sqs-queue' }, { x: 0, y: 0 }, { id: 'connect', end: 'source' })
    expect(r.ok).toBe(false)
  })

  it('does not read a handle the wrong way round', () => {
    // An integration dropped from a route's in-handle would be route → integration, i.e. from its out-handle.
    const doc = aDesign().withRoute('connect', { key: '$connect' }).buildDocument()
    const r = addConnected(doc, { kind: 'integration', type: 'mock' }, { x: 0, y: 0 }, { id: 'connect', end: 'target' })
    expect(r.ok).toBe(false)
  })
})
