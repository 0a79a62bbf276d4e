import { PALETTE_ITEMS } from '../src/components/palette/paletteItems'
import { expect, test } from './fixtures'

test.describe('palette', () => {
  test('drag each palette kind onto the canvas', async ({ app, api, canvas, toolbar }) => {
    await toolbar.click('new')
    await expect.poll(async () => Object.keys((await api.document()).design.routes).length).toBe(0)
    // Nodes are drawn at a readable zoom: zoomed out, every kind fits on the visible canvas.
    await canvas.zoomOut(5)
    const box = await canvas.root.boundingBox()
    if (!box) throw new Error('canvas not visible')
    for (const item of PALETTE_ITEMS) {
      const before = await api.document()
      // A drop point on empty canvas: the first point of a 20 px grid where the pane itself is under the pointer
      // (not a node dropped before, nor the minimap or another overlay).
      const at = await app.evaluate(({ left, top, width, height }) => {
        for (let y = 30; y < height - 30; y += 20) {
          for (let x = 30; x < width - 30; x += 20) {
            if (document.elementFromPoint(left + x, top + y)?.classList.contains('react-flow__pane')) return { x, y }
          }
        }
        return undefined
      }, { left: box.x, top: box.y, width: box.width, height: box.height })
      if (!at) throw new Error(`no empty canvas left for ${item.id}`)
      await canvas.dropFromPalette(item.id, at)
      const after = await api.document()
      const [selected] = await api.selection()
      expect(selected, `${item.id} selects what it added`).toBeTruthy()
      if (item.id === 'api') {
        // The API always exists; dropping it places it where it landed.
        expect(before.layout.api).toBeUndefined()
        expect(after.layout.api).toBeDefined()
      } else {
        expect(before.layout[selected], `${item.id} adds a new entity`).toBeUndefined()
        expect(after.layout[selected]).toBeDefined()
      }
      await expect(canvas.node(selected)).toBeVisible()
    }
    // Every kind landed: routes, integrations, authorizers, stages, resources.
    const doc = await api.document()
    expect(Object.values(doc.design.routes).map((r) => r.key).sort()).toEqual(['$connect', '$default', '$disconnect', 'sendmessage'])
    expect(Object.keys(doc.design.stages)).toHaveLength(1)
    expect(Object.keys(doc.design.authorizers)).toHaveLength(2)
    expect(new Set(Object.values(doc.design.integrations).map((i) => i.type))).toEqual(new Set(['aws', 'lambda', 'lambda-proxy', 'mock', 'http', 'http-proxy']))
    expect(new Set(Object.values(doc.design.resources).map((r) => r.type)).size).toBe(10)
    await expect(app.getByTestId('notice.error')).toHaveCount(0)
  })

  test('a second $connect or API is refused with the reason', async ({ app, canvas }) => {
    await canvas.dropFromPalette('route.connect', { x: 100, y: 400 })
    await expect(app.getByTestId('notice.error')).toContainText('already has a $connect route')
    await canvas.dropFromPalette('api', { x: 200, y: 400 })
    await expect(app.getByTestId('notice.error').last()).toContainText('exactly one API')
  })

  test('keyboard alternative: the searchable add menu adds without the mouse', async ({ app, api, palette }) => {
    await palette.addWithKeyboard('sqs fifo')
    const [id] = await api.selection()
    const doc = await api.document()
    expect(doc.design.integrations[id]).toMatchObject({ type: 'aws', service: 'sqs' })
    await expect(app.getByTestId(`node.${id}`)).toBeVisible()
    // Arrow keys choose; Escape closes.
    await app.keyboard.press('ControlOrMeta+K')
    await app.getByTestId('add-menu.search').fill('kinesis')
    const options = app.getByTestId('add-menu').getByRole('option')
    await expect(options.first()).toHaveAttribute('aria-selected', 'true')
    await app.keyboard.press('ArrowDown')
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
    await app.keyboard.press('Escape')
    await expect(palette.addMenu).toHaveCount(0)
    // A palette item is also reachable with Tab + Enter.
    await palette.item('route.custom').focus()
    await app.keyboard.press('Enter')
    const [route] = await api.selection()
    expect((await api.document()).design.routes[route].key).toBe('sendmessage')
  })

  test('add menu at 1440×900: a name beats a description ("lambda function", "queue", "table" + Enter)', async ({ app, api, palette }) => {
    for (const [query, type] of [
      ['lambda function', 'lambda-function'],
      ['queue', 'sqs-queue'],
      ['table', 'dynamodb-table'],
    ] as const) {
      await app.keyboard.press('ControlOrMeta+K')
      await app.getByTestId('add-menu.search').fill(query)
      await expect(app.getByTestId('add-menu').getByRole('option').first()).toHaveAttribute('data-testid', `add-menu.resource.${type}`)
      await app.keyboard.press('Enter')
      await expect(palette.addMenu).toHaveCount(0)
      const [id] = await api.selection()
      expect((await api.document()).design.resources[id], query).toMatchObject({ type })
    }
  })
})
