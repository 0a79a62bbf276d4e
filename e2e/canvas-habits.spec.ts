/**
 * Issue 12 canvas habits on the production build at 1440×900: zoom percentage with reset to 100 %, a small
 * toggleable minimap whose click navigates, the search box that finds a node in a large design and zooms to it,
 * keyboard reach and move of nodes with visible focus, and Auto-layout refitting the view.
 */
import { columnLayout } from '../src/layout/columnLayout'
import { largeDesign } from '../src/model/largeDesign'
import { COLLECTIONS } from '../src/model/types'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

test('the zoom percentage is shown, follows the zoom and resets to 100 %', async ({ canvas }) => {
  await canvas.ready()
  const zoom = canvas.page.getByTestId('canvas.zoom')
  await expect(zoom).toHaveText(`${Math.round((await canvas.zoom()) * 100)} %`)
  await canvas.zoomOut(2)
  await canvas.settled()
  await expect(zoom).toHaveText(`${Math.round((await canvas.zoom()) * 100)} %`)
  await zoom.click()
  await canvas.settled()
  expect(await canvas.zoom()).toBeCloseTo(1, 2)
  await expect(zoom).toHaveText('100 %')
})

test('the minimap is small, can be hidden (remembered) and a click on it moves the view there', async ({ app, canvas }) => {
  await canvas.ready()
  const minimap = canvas.root.locator('.react-flow__minimap')
  const box = (await minimap.boundingBox())!
  expect(box.width).toBeLessThanOrEqual(160)
  expect(box.height).toBeLessThanOrEqual(110)
  const before = await canvas.root.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  // The seed's right end (table, role) is the right part of the minimap.
  await minimap.click({ position: { x: box.width - 12, y: box.height / 2 } })
  await canvas.settled()
  const after = await canvas.root.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  expect(after).not.toBe(before)
  await expect(canvas.node('table')).toBeInViewport()

  await app.getByTestId('canvas.minimap-toggle').click()
  await expect(minimap).toHaveCount(0)
  await app.reload()
  await canvas.ready()
  await expect(canvas.root.locator('.react-flow__minimap')).toHaveCount(0)
  await app.getByTestId('canvas.minimap-toggle').click()
  await expect(canvas.root.locator('.react-flow__minimap')).toBeVisible()
})

test('the search box finds a route of a 150-route design and zooms to it', async ({ app, api, canvas }) => {
  const doc = largeDesign(150)
  await api.load({ design: doc.design, layout: columnLayout(doc.design) })
  const search = app.getByTestId('canvas.search')
  await search.fill('action97')
  await expect(app.getByTestId('canvas.search.results').getByRole('option').first()).toHaveAttribute('data-testid', 'canvas.search.result.route97')
  await search.press('Enter')
  await expect.poll(() => api.selection()).toEqual(['route97'])
  await canvas.settled()
  await expect(canvas.node('route97')).toBeInViewport()
  expect(await canvas.zoom()).toBeGreaterThanOrEqual(1)
  // An integration by its action, too.
  await search.fill('integration42')
  await search.press('Enter')
  await expect.poll(() => api.selection()).toEqual(['integration42'])
  await canvas.settled()
  await expect(canvas.node('integration42')).toBeInViewport()
})

test('keyboard: Tab reaches a node with visible focus, Enter selects it, arrow keys move it (one undo step each)', async ({ app, api, canvas }) => {
  await canvas.ready()
  const node = canvas.root.locator('.react-flow__node[data-id="api"]')
  await node.focus()
  await expect(node).toBeFocused()
  const outline = await canvas.node('api').evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
  await app.keyboard.press('Enter')
  await expect.poll(() => api.selection()).toEqual(['api'])
  const x0 = (await api.document()).layout.api.x
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('ArrowRight')
  await expect.poll(async () => (await api.document()).layout.api.x).toBeGreaterThan(x0)
  await app.keyboard.press('ControlOrMeta+Z')
  await app.keyboard.press('ControlOrMeta+Z')
  await expect.poll(async () => (await api.document()).layout.api.x).toBe(x0)
})

test('Auto-layout refits the view at a readable zoom', async ({ canvas, toolbar }) => {
  await canvas.ready()
  await canvas.zoomOut(5)
  await canvas.settled()
  expect(await canvas.zoom()).toBeLessThan(0.5)
  await toolbar.click('auto-layout')
  await expect.poll(() => canvas.zoom()).toBeGreaterThanOrEqual(0.79)
  await canvas.settled()
  await expect(canvas.node('api')).toBeInViewport()
})

test('node groups of a 150-route design collapse into one node each and expand again, the design unchanged', async ({ app, api, canvas }) => {
  const doc = largeDesign(150)
  await api.load({ design: doc.design, layout: columnLayout(doc.design) })
  const before = await api.serialize()
  await app.getByTestId('canvas.groups').locator('summary').click()
  await app.getByTestId('canvas.groups.routes').check()
  await app.getByTestId('canvas.groups.integrations:mock').check()
  await expect(canvas.root.locator('.react-flow__node-route')).toHaveCount(0)
  await canvas.zoomOut(8)
  await expect(canvas.node('group:routes')).toContainText('150 routes')
  await expect(canvas.node('group:integrations:mock')).toContainText('50 mock integrations')
  await expect(canvas.edge('integration:group:routes->group:integrations:mock')).toBeAttached()
  expect(await api.serialize()).toBe(before)
  await canvas.page.getByTestId('node.group:routes.expand').click()
  await expect(canvas.node('group:routes')).toHaveCount(0)
  await expect(canvas.root.locator('.react-flow__node-route').first()).toBeAttached()
  await expect(app.getByTestId('canvas.groups.routes')).not.toBeChecked()
})

test('right-click menus read the command table: node (Duplicate), edge (Delete), canvas (Select all)', async ({ app, api, canvas }) => {
  await canvas.ready()
  await canvas.nodeTitle('connect').click({ button: 'right' })
  const nodeMenu = app.getByTestId('canvas.context-menu.node-menu')
  await expect(nodeMenu).toBeVisible()
  expect(await api.selection()).toEqual(['connect'])
  await expect(nodeMenu.getByRole('menuitem', { name: /Duplicate/ })).toBeEnabled()
  await app.keyboard.press('Escape')
  await expect(nodeMenu).toHaveCount(0)

  await canvas.root.locator('.react-flow__pane').click({ button: 'right', position: { x: 300, y: 330 } })
  const canvasMenu = app.getByTestId('canvas.context-menu.canvas-menu')
  await expect(canvasMenu.getByRole('menuitem', { name: /Zoom to 100 %/ })).toBeVisible()
  await canvasMenu.getByTestId('canvas.context-menu.item.select-all').click()
  const doc = await api.document()
  const entities = 1 + COLLECTIONS.reduce((n, c) => n + Object.keys(doc.design[c] ?? {}).length, 0)
  await expect.poll(async () => (await api.selection()).length).toBe(entities)

  await canvas.select('api')
  const edge = canvas.edge('stage:dev->api')
  await edge.click({ button: 'right', force: true })
  await expect(app.getByTestId('canvas.context-menu.edge-menu').getByRole('menuitem', { name: /Delete/ })).toBeVisible()
  await app.keyboard.press('Escape')
})

for (const format of ['png', 'svg'] as const) {
  test(`the diagram exports as ${format.toUpperCase()} from the canvas menu, with every node in it`, async ({ app, canvas }) => {
    await canvas.ready()
    await canvas.root.locator('.react-flow__pane').click({ button: 'right', position: { x: 300, y: 330 } })
    const download = app.waitForEvent('download')
    await app.getByTestId(`canvas.context-menu.item.export-${format}`).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`design.${format}`)
    const path = await file.path()
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(path)
    if (format === 'png') {
      expect(bytes.subarray(1, 4).toString()).toBe('PNG')
      // Width from the IHDR chunk: the whole seed (6 columns) at 100 % or more.
      expect(bytes.readUInt32BE(16)).toBeGreaterThan(1400)
    } else {
      const svg = bytes.toString('utf8')
      expect(svg.startsWith('<svg')).toBe(true)
      for (const name of ['mywsapi', '$connect', 'DynamoDB PutItem', 'apiRole']) expect(svg).toContain(name)
    }
    await expect(app.getByTestId('notice.success').last()).toContainText(`design.${format}`)
  })
}
