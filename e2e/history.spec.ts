import { expect, test } from './fixtures'
import type { DesignerApi } from './fixtures'

/** Undoes once and checks the design is back where it was; redoes and checks it is forward again. */
async function expectOneStep(api: DesignerApi, before: string, after: string, undo: () => Promise<void>, redo: () => Promise<void>) {
  expect(await api.serialize()).toBe(after)
  await undo()
  expect(await api.serialize()).toBe(before)
  await redo()
  expect(await api.serialize()).toBe(after)
}

test.describe('undo and redo: one step per gesture', () => {
  test('adding, connecting, moving and deleting, with shortcuts and toolbar buttons', async ({ app, api, canvas, toolbar }) => {
    const undoKey = () => app.keyboard.press('ControlOrMeta+Z')
    const redoKey = () => app.keyboard.press('ControlOrMeta+Shift+Z')
    const redoY = () => app.keyboard.press('Control+Y')
    const undoBtn = () => toolbar.click('undo')
    const redoBtn = () => toolbar.click('redo')

    // Drop from the palette.
    let before = await api.serialize()
    await canvas.dropFromPalette('integration.mock', { x: 300, y: 420 })
    const [mock] = await api.selection()
    await expectOneStep(api, before, await api.serialize(), undoKey, redoKey)

    // Connect.
    await canvas.dropFromPalette('route.custom', { x: 60, y: 420 })
    const [route] = await api.selection()
    before = await api.serialize()
    await canvas.connect(route, mock)
    await expectOneStep(api, before, await api.serialize(), undoBtn, redoBtn)

    // A drag with many mouse moves is one step.
    before = await api.serialize()
    const depth = await api.undoDepth()
    await canvas.dragNode(mock, 120, 60)
    expect(await api.undoDepth()).toBe(depth + 1)
    await expectOneStep(api, before, await api.serialize(), undoKey, redoY)

    // Delete with the keyboard.
    await canvas.select(mock)
    before = await api.serialize()
    await app.keyboard.press('Delete')
    expect((await api.document()).design.integrations[mock]).toBeUndefined()
    await expectOneStep(api, before, await api.serialize(), undoKey, redoKey)
  })

  test('a typing burst in the inspector is one step; selection is not history', async ({ app, api, canvas, inspector }) => {
    await canvas.select('api')
    const depth = await api.undoDepth()
    const before = await api.serialize()
    await inspector.type('api', 'description', 'Chat backend for the demo')
    expect(await api.undoDepth()).toBe(depth + 1)
    const after = await api.serialize()
    // Selecting things adds no undo steps.
    await canvas.select('connect')
    await canvas.select('dev', { add: true })
    await canvas.clickEmpty()
    expect(await api.undoDepth()).toBe(depth + 1)
    await expectOneStep(api, before, after, () => app.keyboard.press('ControlOrMeta+Z'), () => app.keyboard.press('ControlOrMeta+Shift+Z'))
  })

  test('shortcuts are ignored while typing in a field or in Monaco', async ({ app, api, canvas, inspector, vtlEditor }) => {
    await canvas.select('connect')
    // The operation name is CloudFormation detail, under Advanced.
    await inspector.openAdvanced()
    const field = inspector.field('route', 'operationName')
    await field.click()
    await field.pressSequentially('abc')
    await app.keyboard.press('Backspace')
    await app.keyboard.press('ControlOrMeta+D')
    await app.keyboard.press('ControlOrMeta+Z')
    // The route is still there, nothing was duplicated, and Ctrl+Z acted on the text field only.
    const doc = await api.document()
    expect(doc.design.routes.connect).toBeDefined()
    expect(Object.keys(doc.design.routes)).toEqual(['connect', 'default'])
    await field.blur()

    await canvas.select('putItem')
    await vtlEditor.open()
    await vtlEditor.ready()
    await vtlEditor.focus()
    await app.keyboard.press('End')
    await app.keyboard.press('Backspace')
    await app.keyboard.press('Delete')
    expect((await api.document()).design.integrations.putItem).toBeDefined()
  })

  test('duplicate (Ctrl/Cmd+D) and auto-layout are one step each', async ({ app, api, canvas, toolbar }) => {
    await canvas.select('putItem')
    let before = await api.serialize()
    await app.keyboard.press('ControlOrMeta+D')
    await expect.poll(() => api.selection()).toEqual(['putItem2'])
    await expectOneStep(api, before, await api.serialize(), () => toolbar.click('undo'), () => toolbar.click('redo'))

    before = await api.serialize()
    await toolbar.click('auto-layout')
    await expect(toolbar.button('auto-layout')).toHaveText('Auto-layout')
    await expect.poll(() => api.serialize()).not.toBe(before)
    await expectOneStep(api, before, await api.serialize(), () => toolbar.click('undo'), () => toolbar.click('redo'))
  })

  test('a typing burst in the template editor is one step', async ({ app, api, canvas, toolbar, vtlEditor }) => {
    await canvas.select('putItem')
    await vtlEditor.open()
    await vtlEditor.ready()
    const depth = await api.undoDepth()
    const before = (await api.document()).design.integrations.putItem.requestTemplates!['application/json']
    await vtlEditor.focus()
    await app.keyboard.press('ControlOrMeta+End')
    await app.keyboard.type(' ## note', { delay: 20 })
    await expect.poll(async () => (await api.document()).design.integrations.putItem.requestTemplates!['application/json']).toBe(`${before} ## note`)
    // The burst ends when typing stops (or on blur): exactly one step.
    await expect.poll(() => api.undoDepth(), { timeout: 5000 }).toBe(depth + 1)
    await toolbar.click('undo')
    expect((await api.document()).design.integrations.putItem.requestTemplates!['application/json']).toBe(before)
  })
})
