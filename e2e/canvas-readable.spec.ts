/**
 * Issue 12 items 1–2 on the production build: the canvas is readable at first sight (node names ≥ 12 px on screen,
 * an icon, key facts and a problem badge per node, handles ≥ 12 px, edges visible in both themes), and names
 * that are members of Object.prototype are ordinary names. Screen sizes are named in each describe.
 */
import type { Page } from '@playwright/test'
import type { DesignDocument } from '../src/model/types'
import { expect, test } from './fixtures'
import type { Canvas } from './pages/Canvas'

/** WCAG relative luminance of a CSS `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** Every node title on screen is at least 12 px tall as rendered. */
async function expectReadableNames(canvas: Canvas): Promise<void> {
  // One read of every title on screen (nodes come and go with the view, so no count-then-index).
  const sizes = await canvas.root.locator('.entity-node-title').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)))
  expect(sizes.length).toBeGreaterThan(0)
  const zoom = await canvas.zoom()
  for (const px of sizes) expect(px * zoom).toBeGreaterThanOrEqual(12)
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test.describe(`first sight at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    test('node names are at least 12 px on screen, handles are 12 px targets, and Fit view keeps that', async ({ canvas, toolbar }) => {
      await canvas.ready()
      expect(await canvas.zoom()).toBeGreaterThanOrEqual(0.75)
      expect(await canvas.zoom()).toBeLessThanOrEqual(2)
      await expectReadableNames(canvas)
      const handle = await canvas.page.getByTestId('handle.api.in').boundingBox()
      expect(handle!.width).toBeGreaterThanOrEqual(12)
      expect(handle!.height).toBeGreaterThanOrEqual(12)
      // The start of the design is in view: the stage and the API.
      await expect(canvas.node('dev')).toBeInViewport()
      await expect(canvas.node('api')).toBeInViewport()

      await canvas.zoomOut(4)
      expect(await canvas.zoom()).toBeLessThan(0.5)
      await toolbar.click('fit-view')
      await canvas.settled()
      expect(await canvas.zoom()).toBeGreaterThanOrEqual(0.75)
      await expectReadableNames(canvas)
      await canvas.zoomOut(2)
      await toolbar.click('auto-layout')
      // Auto-layout is asynchronous (elkjs in a worker), then refits: wait for the readable zoom, then for rest.
      await expect.poll(() => canvas.zoom()).toBeGreaterThanOrEqual(0.79)
      await canvas.settled()
      expect(await canvas.zoom()).toBeGreaterThanOrEqual(0.75)
      await expectReadableNames(canvas)
    })
  })
}

test.describe('node contents at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('each node shows an icon for its kind and service, its key facts and its problem badge', async ({ canvas, api }) => {
    await canvas.ready()
    await canvas.zoomOut(3)
    const expected: Record<string, { icon: string; text: string[] }> = {
      dev: { icon: 'STG', text: ['Stage', 'dev', 'auto-deploy'] },
      api: { icon: 'API', text: ['WebSocket API', 'mywsapi'] },
      connect: { icon: '→', text: ['Route', '$connect', '→ putItem'] },
      putItem: { icon: 'DDB', text: ['AWS integration · DynamoDB', 'DynamoDB PutItem', 'PutItem → table'] },
      table: { icon: 'DDB', text: ['DynamoDB table'] },
      apiRole: { icon: 'IAM', text: ['IAM role'] },
    }
    for (const [id, { icon, text }] of Object.entries(expected)) {
      await expect(canvas.page.getByTestId(`node.${id}.icon`)).toHaveText(icon)
      for (const t of text) await expect(canvas.node(id)).toContainText(t)
    }
    // A route without an integration gets a badge on its node.
    const doc = await api.document()
    const next: DesignDocument = structuredClone(doc)
    next.design.routes.orphan = { key: 'orphan' }
    next.layout.orphan = { x: doc.layout.connect.x, y: doc.layout.connect.y + 120 }
    await api.load(next)
    await expect(canvas.page.getByTestId('node.orphan.badge')).toBeVisible()
    await expect(canvas.node('orphan')).toContainText('no integration')
  })
})

for (const theme of ['light', 'dark'] as const) {
  test.describe(`edges in the ${theme} theme at 1440×900`, () => {
    test.use({ viewport: { width: 1440, height: 900 }, colorScheme: theme })

    test('edges stand out from the canvas background (contrast ≥ 3:1)', async ({ canvas }) => {
      await canvas.ready()
      await expect(canvas.page.locator('html')).toHaveAttribute('data-theme', theme)
      const edge = canvas.edge('stage:dev->api').locator('.react-flow__edge-path')
      await expect(edge).toBeAttached()
      const stroke = await edge.evaluate((el) => getComputedStyle(el).stroke)
      const width = await edge.evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth))
      const background = await canvas.root.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor)
      expect(contrast(stroke, background), `${stroke} on ${background}`).toBeGreaterThanOrEqual(3)
      expect(width).toBeGreaterThanOrEqual(2)
    })
  })
}

/** Console errors that mean a position became NaN. */
function watchNaN(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /NaN/.test(m.text())) seen.push(m.text())
  })
  return seen
}

test.describe('names that are Object.prototype members at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('ids Constructor, constructor, ToString, toString, HasOwnProperty and route key toString draw, lay out and fit', async ({ app, api, canvas, toolbar }) => {
    const nan = watchNaN(app)
    const doc: DesignDocument = structuredClone(await api.document())
    const seedEntities = Object.keys(doc.layout).length
    // Routes with hostile ids and keys, integrations with hostile ids; some without a saved position.
    Object.assign(doc.design.integrations, { constructor: { type: 'mock' } })
    doc.design.integrations.Constructor = { type: 'mock' }
    Object.assign(doc.design.integrations, { hasOwnProperty: { type: 'mock' } })
    Object.assign(doc.design.routes, { toString: { key: 'toString', integration: 'constructor' } })
    doc.design.routes.ToString = { key: 'valueOf', integration: 'Constructor' }
    doc.design.routes.HasOwnProperty = { key: '__proto__', integration: 'hasOwnProperty' }
    doc.layout.ToString = { x: doc.layout.connect.x, y: doc.layout.connect.y + 140 }
    await api.load(doc)
    const ids = ['constructor', 'Constructor', 'hasOwnProperty', 'toString', 'ToString', 'HasOwnProperty']
    await canvas.zoomOut(6)
    for (const id of ids) await expect(canvas.node(id), id).toBeVisible()
    await expect(canvas.nodeTitle('toString')).toHaveText('toString')
    await expect(canvas.edge('integration:toString->constructor')).toBeAttached()

    await toolbar.click('auto-layout')
    await expect.poll(async () => Object.keys((await api.document()).layout).length).toBe(seedEntities + ids.length)
    const layout = (await api.document()).layout
    for (const id of ids) expect(Number.isFinite(layout[id].x) && Number.isFinite(layout[id].y), id).toBe(true)
    await canvas.zoomOut(6)
    for (const id of ids) await expect(canvas.node(id), id).toBeVisible()
    // Moving a hostile node moves it (positions are keyed by id): focus it, select it, move it with the keyboard.
    await toolbar.click('fit-view')
    await canvas.settled()
    await canvas.reveal('toString')
    const hostileId: string = 'toString'
    const before = (await api.document()).layout[hostileId]
    const hostile = canvas.root.locator('.react-flow__node[data-id="toString"]')
    await hostile.focus()
    await app.keyboard.press('Enter')
    await expect.poll(() => api.selection()).toEqual(['toString'])
    await app.keyboard.press('ArrowDown')
    await app.keyboard.press('ArrowDown')
    await expect.poll(async () => (await api.document()).layout[hostileId].y).toBeGreaterThan(before.y)
    expect(nan).toEqual([])
  })
})
