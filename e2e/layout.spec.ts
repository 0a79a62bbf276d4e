import { load } from 'js-yaml'
import { expect, test } from './fixtures'

test('auto-layout arranges routes, integrations and resources in columns, is undoable and is saved in the document', async ({ api, canvas, toolbar }) => {
  // Add a second route chain so columns hold several nodes.
  await canvas.dropFromPalette('route.custom', { x: 40, y: 420 })
  const [route] = await api.selection()
  await canvas.dropFromPalette('integration.mock', { x: 360, y: 430 })
  const [mock] = await api.selection()
  await canvas.connect(route, mock)
  const before = await api.document()

  await toolbar.click('auto-layout')
  await expect.poll(async () => (await api.document()).layout).not.toEqual(before.layout)
  const { layout } = await api.document()
  // Columns, left to right: stage, API, routes, integrations, resources, roles.
  expect(layout.dev.x).toBeLessThan(layout.api.x)
  expect(layout.api.x).toBeLessThan(layout.connect.x)
  expect(layout[route].x).toBe(layout.connect.x)
  expect(layout[mock].x).toBe(layout.putItem.x)
  expect(layout.putItem.x).toBeLessThan(layout.table.x)
  expect(layout.table.x).toBeLessThan(layout.apiRole.x)
  // Positions are part of the saved file.
  const text = await api.serialize()
  const saved = load(text) as { layout: Record<string, { x: number; y: number }> }
  expect(saved.layout[mock]).toEqual(layout[mock])
  expect(Object.keys(saved.layout).sort()).toEqual(Object.keys(layout).sort())

  await toolbar.click('undo')
  expect((await api.document()).layout).toEqual(before.layout)
  await toolbar.click('redo')
  expect((await api.document()).layout).toEqual(layout)
})

test('auto-layout of a small design runs elkjs in a Web Worker, not on the page thread (1440×900)', async ({ page, api, toolbar }) => {
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  const before = await api.document()
  await api.load({ ...before, layout: {} })
  await toolbar.click('auto-layout')
  await expect.poll(async () => Object.keys((await api.document()).layout).length).toBe(Object.keys(before.layout).length)
  expect(workers.some((url) => /elk-worker/.test(url))).toBe(true)
})
