import { expect, openApp, test } from './fixtures'
import { DesignerApi } from './fixtures'

test.describe('copy, paste and duplicate', () => {
  test('copy/paste within a tab remaps ids and references', async ({ app, api, canvas }) => {
    await canvas.select('putItem')
    await canvas.select('table', { add: true })
    await app.keyboard.press('ControlOrMeta+C')
    // Paste where the pointer is.
    const box = await canvas.root.boundingBox()
    await app.mouse.move(box!.x + 200, box!.y + box!.height - 120)
    await app.keyboard.press('ControlOrMeta+V')
    await expect.poll(() => api.selection()).toEqual(['putItem2', 'table2'])
    const doc = await api.document()
    expect(doc.design.integrations.putItem2.target).toBe('table2')
    expect(Object.values(doc.design.integrations.putItem2.requestTemplates!).join('')).toContain('@{table2.name}')
    await expect(canvas.node('putItem2')).toBeVisible()
    await expect(canvas.node('table2')).toBeVisible()
    // One undo removes the whole paste.
    await app.keyboard.press('ControlOrMeta+Z')
    const undone = await api.document()
    expect(undone.design.integrations.putItem2).toBeUndefined()
    expect(undone.design.resources.table2).toBeUndefined()
  })

  test('paste into another tab', async ({ app, canvas, context }) => {
    await canvas.select('connect')
    await canvas.select('putItem', { add: true })
    await app.keyboard.press('ControlOrMeta+C')

    const other = await context.newPage()
    await openApp(other)
    const api2 = new DesignerApi(other)
    await other.getByTestId('toolbar.new').click()
    await other.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 300, y: 200 } })
    await other.keyboard.press('ControlOrMeta+V')
    await expect.poll(() => api2.selection()).toEqual(['connect', 'putItem'])
    const doc = await api2.document()
    expect(doc.design.routes.connect).toMatchObject({ key: '$connect', integration: 'putItem' })
    // References to entities the other design lacks (table, role) are dropped, not left dangling.
    expect(doc.design.integrations.putItem.target).toBeUndefined()
    expect(doc.design.integrations.putItem.credentials).toBeUndefined()
    await expect(other.getByTestId('node.putItem')).toBeVisible()
    await other.close()
  })

  test('duplicate with Ctrl/Cmd+D keeps the configuration under a new id', async ({ app, api, canvas }) => {
    await canvas.select('connect')
    await app.keyboard.press('ControlOrMeta+D')
    await expect.poll(() => api.selection()).toEqual(['connect2'])
    const doc = await api.document()
    expect(doc.design.routes.connect2).toMatchObject({ key: 'connect-copy', integration: 'putItem' })
    expect(doc.layout.connect2).toEqual({ x: doc.layout.connect.x + 40, y: doc.layout.connect.y + 40 })
    await expect(canvas.node('connect2')).toBeVisible()
  })
})
