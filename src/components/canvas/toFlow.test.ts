import { describe, expect, it } from 'vitest'
import { moveEntities, setField } from '../../model/ops'
import { seedDocument } from '../../model/seed'
import { largeDesign } from '../../model/largeDesign'
import { columnLayout } from '../../layout/columnLayout'
import { createProjector } from './toFlow'

describe('React Flow projection', () => {
  it('projects every entity and reference, with data = { entityId } only', () => {
    const p = createProjector()
    const doc = seedDocument()
    const nodes = p.nodes(doc, new Set(), new Map())
    expect(nodes.map((n) => n.id).sort()).toEqual(['Message', 'api', 'apiRole', 'connect', 'default', 'dev', 'putItem', 'table'])
    expect(nodes.find((n) => n.id === 'connect')).toMatchObject({ type: 'route', data: { entityId: 'connect' }, position: doc.layout.connect })
    const edges = p.edges(doc.design, new Set())
    expect(edges.map((e) => e.id).sort()).toEqual(['credentials:putItem->apiRole', 'integration:connect->putItem', 'integration:default->putItem', 'stage:dev->api', 'target:putItem->table'])
    expect(edges.find((e) => e.id === 'stage:dev->api')?.deletable).toBe(false)
  })

  it('keeps the identity of nodes and edges that did not change', () => {
    const p = createProjector()
    const doc = seedDocument()
    const first = p.nodes(doc, new Set(), new Map())
    const firstEdges = p.edges(doc.design, new Set())
    const moved = moveEntities(doc, { connect: { x: 5, y: 5 } })
    const second = p.nodes(moved, new Set(['table']), new Map())
    const byId = (list: typeof first, id: string) => list.find((n) => n.id === id)
    expect(byId(second, 'putItem')).toBe(byId(first, 'putItem'))
    expect(byId(second, 'connect')).not.toBe(byId(first, 'connect'))
    expect(byId(second, 'table')).not.toBe(byId(first, 'table'))
    expect(byId(second, 'table')?.selected).toBe(true)
    // The design did not change, so neither did the edges.
    expect(p.edges(moved.design, new Set())).toEqual(firstEdges)
    const renamed = setField(moved, 'api', ['name'], 'x')
    const edges = p.edges(renamed.design, new Set())
    expect(edges[0]).toBe(firstEdges[0])
  })

  it('places entities without a saved position below the others', () => {
    const p = createProjector()
    const doc = seedDocument()
    const { table: _omit, ...layout } = doc.layout
    const nodes = p.nodes({ ...doc, layout }, new Set(), new Map())
    const maxY = Math.max(...Object.values(layout).map((q) => q.y))
    expect(nodes.find((n) => n.id === 'table')!.position.y).toBeGreaterThan(maxY)
  })

  it('ids that are Object.prototype members get real positions (saved, fallback and while dragged)', () => {
    const p = createProjector()
    const doc = seedDocument()
    const design = structuredClone(doc.design)
    Object.assign(design.integrations, { constructor: { type: 'mock' } })
    Object.assign(design.routes, { toString: { key: 'toString', integration: 'constructor' } })
    Object.assign(design.routes, { hasOwnProperty: { key: 'hasOwnProperty' } })
    const layout = { ...doc.layout, toString: { x: 10, y: 20 } }
    const nodes = p.nodes({ design, layout }, new Set(), new Map(), new Map([['hasOwnProperty', { x: 7, y: 8 }]]))
    for (const id of ['constructor', 'toString', 'hasOwnProperty']) {
      const node = nodes.find((n) => n.id === id)!
      expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y), id).toBe(true)
    }
    expect(nodes.find((n) => n.id === 'toString')!.position).toEqual({ x: 10, y: 20 })
    expect(nodes.find((n) => n.id === 'hasOwnProperty')!.position).toEqual({ x: 7, y: 8 })
    // A drag of another node does not hand `constructor` Object.prototype's member.
    const dragged = p.nodes({ design, layout }, new Set(), new Map(), new Map([['connect', { x: 1, y: 1 }]]))
    expect(Number.isFinite(dragged.find((n) => n.id === 'constructor')!.position.x)).toBe(true)
  })

  it('collapsed groups become one node each, with their edges folded onto it (no document change)', () => {
    const p = createProjector()
    const { design } = largeDesign(30)
    const doc = { design, layout: columnLayout(design) }
    const nodes = p.nodes(doc, new Set(), new Map(), null, new Set(['routes', 'integrations:mock']))
    expect(nodes.some((n) => n.type === 'route')).toBe(false)
    const routes = nodes.find((n) => n.id === 'group:routes')!
    expect(routes).toMatchObject({ type: 'collapsedGroup', data: { group: { count: 30, label: 'Routes' } } })
    expect(nodes.find((n) => n.id === 'group:integrations:mock')).toMatchObject({ data: { group: { count: 10 } } })
    // Still there: the other integrations, the table.
    expect(nodes.some((n) => n.id === 'integration0')).toBe(true)
    const edges = p.edges(design, new Set(), new Set(['routes', 'integrations:mock']))
    // Routes → each visible integration, once per integration; routes → mocks fold into one edge; none inside a group.
    expect(edges.filter((e) => e.source === 'group:routes' && e.target === 'group:integrations:mock')).toHaveLength(1)
    expect(edges.some((e) => e.source === 'group:routes' && e.target === 'integration0')).toBe(true)
    expect(edges.some((e) => e.source === e.target)).toBe(false)
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length)
    // Expanded again: the plain projection.
    expect(p.nodes(doc, new Set(), new Map()).filter((n) => n.type === 'route')).toHaveLength(30)
  })
})
