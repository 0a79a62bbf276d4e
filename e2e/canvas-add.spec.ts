/**
 * Issue 12 habit, on the production build at 1440×900: a connection dropped on empty canvas opens the add menu
 * with only what may connect there (the model's connectableSpecs), at the drop, and wires the pick.
 */
import { PALETTE_ITEMS } from '../src/components/palette/paletteItems'
import { seedDocument } from '../src/model/seed'
import { NODE_HEIGHT, NODE_WIDTH } from '../src/layout/columns'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

/** The seed with its $connect route not wired yet. */
function seedWithBareConnect() {
  const doc = seedDocument()
  delete doc.design.routes.connect.integration
  return doc
}

test('1440×900: a connection from $connect dropped on empty canvas offers only integrations and wires the pick', async ({ api, canvas, palette }) => {
  await api.load(seedWithBareConnect())
  await canvas.ready()
  // Room for the new node where the drag ends: nothing within a node's size of it (it would be moved down).
  await canvas.zoomOut(2)
  const from = await canvas.handleCentre('connect', 'out')
  const z = await canvas.zoom()
  const clear = { left: NODE_WIDTH * z, right: NODE_WIDTH * z, top: (NODE_HEIGHT * 1.5 + 8) * z, bottom: (NODE_HEIGHT / 2 + 8) * z }
  const drop = await canvas.emptySpotNear(from, { clear })
  await canvas.dragHandleTo('connect', 'out', drop)

  await expect(palette.addMenu).toBeVisible()
  await expect(palette.page.getByTestId('add-menu.caption')).toHaveText('Add and connect from $connect')
  const options = palette.addMenu.getByRole('option')
  const offered = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))
  expect(offered).toEqual(PALETTE_ITEMS.filter((i) => i.spec.kind === 'integration').map((i) => `add-menu.${i.id}`))
  // The menu opens where the connection was dropped.
  const menuBox = (await palette.addMenu.boundingBox())!
  expect(Math.abs(menuBox.x - drop.x)).toBeLessThan(40)
  expect(Math.abs(menuBox.y - drop.y)).toBeLessThan(40)

  const undoBefore = await api.undoDepth()
  await palette.page.getByTestId('add-menu.integration.lambda-proxy').click()
  await expect(palette.addMenu).toHaveCount(0)
  const [id] = await api.selection()
  const doc = await api.document()
  expect(doc.design.integrations[id]).toMatchObject({ type: 'lambda-proxy' })
  expect(doc.design.routes.connect.integration).toBe(id)
  // Added and wired in one undo step.
  expect(await api.undoDepth()).toBe(undoBefore + 1)
  await expect(canvas.node(id)).toBeVisible()
  await expect(canvas.edge(`integration:connect->${id}`)).toHaveCount(1)
  // Its in-handle sits where the drag ended.
  const inHandle = await canvas.handleCentre(id, 'in')
  expect(Math.hypot(inHandle.x - drop.x, inHandle.y - drop.y)).toBeLessThan(24)
})

test('1440×900: a connection from a wired route dropped on empty canvas says why nothing can connect', async ({ app, canvas, palette }) => {
  await canvas.ready()
  const from = await canvas.handleCentre('connect', 'out')
  await canvas.dragHandleTo('connect', 'out', await canvas.emptySpotNear(from))
  await expect(app.getByText(/Nothing can be connected there: .*already has an integration/)).toBeVisible()
  await expect(palette.addMenu).toHaveCount(0)
})

test("1440×900: a connection dropped from an integration's in-handle offers routes and wires the new one into it", async ({ api, canvas, palette }) => {
  await canvas.ready()
  const from = await canvas.handleCentre('putItem', 'in')
  await canvas.dragHandleTo('putItem', 'in', await canvas.emptySpotNear(from))
  await expect(palette.addMenu).toBeVisible()
  const offered = await palette.addMenu.getByRole('option').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))
  expect(offered.length).toBeGreaterThan(0)
  expect(offered.every((t) => t?.startsWith('add-menu.route.'))).toBe(true)
  await palette.page.getByTestId('add-menu.search').fill('custom')
  await palette.page.keyboard.press('Enter')
  const [id] = await api.selection()
  expect((await api.document()).design.routes[id]).toMatchObject({ key: 'sendmessage', integration: 'putItem' })
})
