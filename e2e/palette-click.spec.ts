/**
 * Issue 12 habit, on the production build at 1440×900: a single click on a palette item adds it next to the
 * selection (no overlap), or in the centre of the view when nothing is selected.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../src/layout/columns'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

test('1440×900: a single click on a palette item adds it next to the selection, without overlapping anything', async ({ api, canvas, palette }) => {
  await canvas.ready()
  await canvas.select('connect')
  const before = await api.document()
  await palette.item('resource.sqs-queue').click()
  await expect.poll(async () => Object.keys((await api.document()).design.resources).length).toBe(Object.keys(before.design.resources).length + 1)
  const [id] = await api.selection()
  const doc = await api.document()
  expect(doc.design.resources[id]).toMatchObject({ type: 'sqs-queue' })
  const at = doc.layout[id]
  const beside = doc.layout.connect
  // To the right of the selected node, in its row or the first free one below it.
  expect(at.x).toBeGreaterThanOrEqual(beside.x + NODE_WIDTH)
  expect(at.x).toBeLessThan(beside.x + NODE_WIDTH * 2)
  expect(at.y).toBeGreaterThanOrEqual(beside.y)
  for (const [other, p] of Object.entries(doc.layout)) {
    if (other === id) continue
    const overlaps = Math.abs(p.x - at.x) < NODE_WIDTH && Math.abs(p.y - at.y) < NODE_HEIGHT
    expect(overlaps, `${id} overlaps ${other}`).toBe(false)
  }
  await expect(canvas.node(id)).toBeInViewport()
  // On screen too: its box meets no other node's.
  const boxes = await canvas.root.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-id'), r: el.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number } })),
  )
  const mine = boxes.find((b) => b.id === id)!.r
  for (const b of boxes) {
    if (b.id === id) continue
    const meets = mine.left < b.r.right && b.r.left < mine.right && mine.top < b.r.bottom && b.r.top < mine.bottom
    expect(meets, `${id} covers ${b.id} on screen`).toBe(false)
  }
})

test('1440×900: a single click on a palette item with nothing selected adds it in the centre of the view', async ({ api, canvas, palette }) => {
  await canvas.ready()
  await canvas.clickEmpty()
  await expect.poll(() => api.selection()).toEqual([])
  // An empty stretch of canvas in view, so the centre is free.
  await canvas.zoomOut(3)
  await canvas.viewportSettled()
  await palette.item('resource.sns-topic').click()
  await expect.poll(async () => (await api.selection()).length).toBe(1)
  const [id] = await api.selection()
  expect((await api.document()).design.resources[id]).toMatchObject({ type: 'sns-topic' })
  const node = (await canvas.node(id).boundingBox())!
  const area = (await canvas.root.boundingBox())!
  const centre = { x: area.x + area.width / 2, y: area.y + area.height / 2 }
  // Centred unless something was already there (then it goes just below): its centre is on the view's vertical axis.
  expect(Math.abs(node.x + node.width / 2 - centre.x)).toBeLessThan(12)
  expect(node.y + node.height / 2).toBeGreaterThanOrEqual(centre.y - 12)
  await expect(canvas.node(id)).toBeInViewport()
})
