/**
 * The import lays designs out with src/layout's column layout in the production bundle: no "Auto-layout failed"
 * (IMP030) for any template, every entity placed without overlaps, large designs in a grid of columns, and the
 * toolbar's Auto-layout of a large design giving the same grid. CloudFormation templates and AsyncAPI documents
 * (both run in the import worker). Screen: 1440×900 (the default context).
 */
import { readFileSync } from 'node:fs'
import { COLLECTIONS } from '../src/model/types'
import { expect, test } from './fixtures'
import { ImportDialog } from './pages/ImportDialog'

const fixture = (name: string) => readFileSync(new URL(`../src/import/__fixtures__/${name}`, import.meta.url), 'utf8')
const asyncApiDoc = (name: string) => readFileSync(new URL(`../src/asyncapi/__corpus__/${name}`, import.meta.url), 'utf8')
const NODE_WIDTH = 240
const NODE_HEIGHT = 76

/** A CloudFormation template with `routes` Mock routes on one WebSocket API (and a stage). */
function manyRoutes(routes: number): string {
  const resources: Record<string, unknown> = {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'big', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
    Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'Api' }, StageName: 'prod', AutoDeploy: true } },
  }
  for (let i = 0; i < routes; i++) {
    resources[`Mock${i}`] = { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 200}' }, TemplateSelectionExpression: '\\$default' } }
    resources[`Route${i}`] = {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: { ApiId: { Ref: 'Api' }, RouteKey: `action${i}`, Target: { 'Fn::Join': ['', ['integrations/', { Ref: `Mock${i}` }]] } },
    }
  }
  return JSON.stringify({ Resources: resources }, null, 1)
}

function overlaps(layout: Record<string, { x: number; y: number }>): string[] {
  const ids = Object.keys(layout)
  const found: string[] = []
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      if (Math.abs(layout[ids[i]].x - layout[ids[j]].x) < NODE_WIDTH && Math.abs(layout[ids[i]].y - layout[ids[j]].y) < NODE_HEIGHT) found.push(`${ids[i]}/${ids[j]}`)
  return found
}

test.describe('import layout in the production build', () => {
  for (const [name, text] of [
    ['handwritten.yaml', fixture('handwritten.yaml')],
    ['handwritten-plain.yaml', fixture('handwritten-plain.yaml')],
    ['handwritten-auth.yaml', fixture('handwritten-auth.yaml')],
    ['big.template.json (150 routes)', manyRoutes(150)],
    // AsyncAPI documents go through the same dialog and worker, with their own importer.
    ['team-chat-rtm.yaml (AsyncAPI 3)', asyncApiDoc('team-chat-rtm.yaml')],
    ['legacy-2x-chat.yaml (AsyncAPI 2)', asyncApiDoc('legacy-2x-chat.yaml')],
  ] as const) {
    test(`${name}: no "Auto-layout failed" warning, every entity placed, no overlaps`, async ({ app, toolbar, api }) => {
      const dialog = new ImportDialog(app)
      await toolbar.click('import')
      if (name.startsWith('handwritten-auth')) {
        // Two APIs: the first one is the one with the authorizer.
        await dialog.pick(name, text)
        if (await dialog.apiChoice.isVisible()) await dialog.chooseApi(await dialog.apiChoice.locator('option').first().getAttribute('value') ?? '')
      } else await dialog.pick(name.split(' ')[0], text)
      await expect(dialog.summary).toBeVisible()
      await expect(dialog.root).not.toContainText('IMP030')
      await expect(dialog.root).not.toContainText('Auto-layout failed')
      await dialog.importIt()
      await expect(app.getByText('Auto-layout failed')).toHaveCount(0)
      const doc = await api.document()
      const ids = ['api', ...COLLECTIONS.flatMap((c) => Object.keys(doc.design[c] ?? {}))]
      expect(Object.keys(doc.layout).sort()).toEqual(ids.sort())
      for (const p of Object.values(doc.layout)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
      expect(overlaps(doc.layout)).toEqual([])
    })
  }

  test('a 150-route import is a grid of columns, the same every time, and Auto-layout keeps the grid', async ({ app, toolbar, api }) => {
    const dialog = new ImportDialog(app)
    const importBig = async () => {
      await toolbar.click('import')
      await dialog.pick('big.template.json', manyRoutes(150))
      await expect(dialog.summary).toBeVisible()
      await dialog.importIt()
      return (await api.document()).layout
    }
    const first = await importBig()
    const routeIds = Object.keys((await api.document()).design.routes)
    expect(routeIds).toHaveLength(150)
    const routeColumns = new Set(routeIds.map((id) => first[id].x))
    const xs = Object.values(first).map((p) => p.x)
    const ys = Object.values(first).map((p) => p.y)
    const width = Math.max(...xs) + NODE_WIDTH
    const height = Math.max(...ys) + NODE_HEIGHT
    // Not one tall column: several route columns, and a picture about as wide as it is tall or wider.
    expect(routeColumns.size).toBeGreaterThan(2)
    expect(width / height).toBeGreaterThan(1)
    expect(await importBig()).toEqual(first)

    await toolbar.click('auto-layout')
    await expect.poll(async () => overlaps((await api.document()).layout)).toEqual([])
    await expect(app.getByText('Auto-layout failed')).toHaveCount(0)
    const after = (await api.document()).layout
    expect(Math.max(...Object.values(after).map((p) => p.y)) + NODE_HEIGHT).toBeLessThan(height * 1.5)
  })
})
