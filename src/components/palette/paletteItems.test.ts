import { describe, expect, it } from 'vitest'
import { addEntity } from '../../model/ops'
import { seedDocument } from '../../model/seed'
import { aDesign, emptyDocument } from '../../model/builders'
import { connectablePaletteItems, PALETTE_ITEMS, searchPalette } from './paletteItems'

describe('palette items', () => {
  it('covers every kind the issue lists, with unique test ids', () => {
    const ids = PALETTE_ITEMS.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ['api', 'stage', 'route.connect', 'route.disconnect', 'route.default', 'route.custom', 'integration.lambda-proxy', 'integration.lambda', 'integration.mock', 'integration.http', 'integration.http-proxy', 'authorizer.lambda', 'authorizer.iam', 'resource.dynamodb-table', 'resource.sqs-queue', 'resource.sns-topic', 'resource.kinesis-stream', 'resource.eventbridge-bus', 'resource.state-machine', 'resource.lambda-function', 'resource.existing'])
      expect(ids).toContain(id)
    // Every AWS preset by service and action.
    expect(ids.filter((id) => id.startsWith('integration.dynamodb-')).length).toBeGreaterThanOrEqual(4)
  })

  it('every item can be added to an empty design', () => {
    for (const item of PALETTE_ITEMS) {
      const r = addEntity(emptyDocument(), item.spec, { x: 0, y: 0 })
      expect(r.ok, item.id).toBe(true)
    }
    expect(addEntity(seedDocument(), { kind: 'route', route: '$connect' }, { x: 0, y: 0 }).ok).toBe(false)
  })

  it('searches labels, groups and descriptions; every word must match', () => {
    expect(searchPalette('').length).toBe(PALETTE_ITEMS.length)
    expect(searchPalette('sqs fifo').map((i) => i.id)).toEqual(['integration.sqs-sendmessage-fifo'])
    expect(searchPalette('ROUTE default').map((i) => i.id)).toContain('route.default')
    expect(searchPalette('nothing-matches-this')).toEqual([])
  })

  it('ranks names above descriptions: exact, then prefix, then word starts (the issue\'s three examples)', () => {
    expect(searchPalette('lambda function')[0].id).toBe('resource.lambda-function')
    expect(searchPalette('Lambda Function')[0].id).toBe('resource.lambda-function')
    expect(searchPalette('queue')[0].id).toBe('resource.sqs-queue')
    expect(searchPalette('table')[0].id).toBe('resource.dynamodb-table')
    // Description matches are still found, after the name matches.
    const queue = searchPalette('queue').map((i) => i.id)
    expect(queue).toContain('integration.sqs-sendmessage')
    expect(queue.indexOf('resource.sqs-queue')).toBeLessThan(queue.indexOf('integration.sqs-sendmessage'))
    // Exact beats prefix: "mock" is the Mock integration, not a longer name starting with it.
    expect(searchPalette('mock')[0].id).toBe('integration.mock')
    expect(searchPalette('http')[0].id).toBe('integration.http')
    expect(searchPalette('$conn')[0].id).toBe('route.connect')
  })
})

describe('connectablePaletteItems', () => {
  it("lists the palette's integrations, in palette order, for a route's out-handle", () => {
    const doc = aDesign().withRoute('connect', { key: '$connect' }).buildDocument()
    const r = connectablePaletteItems(doc, { id: 'connect', end: 'source' })
    expect(r.ok && r.value.map((i) => i.id)).toEqual(PALETTE_ITEMS.filter((i) => i.group === 'Integrations').map((i) => i.id))
  })

  it('searches only among what it offers', () => {
    const doc = aDesign().withRoute('connect', { key: '$connect' }).buildDocument()
    const r = connectablePaletteItems(doc, { id: 'connect', end: 'source' })
    if (!r.ok) throw new Error(r.reason)
    expect(searchPalette('queue', r.value).map((i) => i.id)).toEqual(['integration.sqs-sendmessage', 'integration.sqs-sendmessage-fifo'])
  })
})
