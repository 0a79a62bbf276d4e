import { expect, openApp, test } from './fixtures'
import { DesignerApi } from './fixtures'
import { Canvas } from './pages/Canvas'

test.describe('autosave', () => {
  test('autosaves after a change and restores the design on reload', async ({ app, api, canvas, inspector, toolbar }) => {
    await canvas.select('api')
    await inspector.type('api', 'name', 'restored-api')
    // "Saved" may still show the save before the drop while the next one waits out its debounce: wait for a newer one.
    await expect(toolbar.saveState).toHaveAttribute('data-status', 'saved')
    const savedBefore = await toolbar.saveState.getAttribute('data-saved-at')
    await canvas.dropFromPalette('resource.sqs-queue', { x: 300, y: 420 })
    const [queue] = await api.selection()
    await expect(toolbar.saveState).not.toHaveAttribute('data-saved-at', savedBefore ?? '')
    await expect(toolbar.saveState).toHaveAttribute('data-status', 'saved')
    const saved = await api.serialize()

    await app.reload()
    await expect(canvas.nodeTitle('api')).toHaveText('restored-api')
    // The restored view opens at a readable zoom, which may leave the dropped queue outside it: bring it in.
    await canvas.reveal(queue)
    await expect(canvas.node(queue)).toBeVisible()
    await app.waitForFunction(() => !!window.__designer)
    expect(await api.serialize()).toBe(saved)
    // A restored design starts a fresh history.
    expect(await api.undoDepth()).toBe(0)
  })

  test('a second tab on the same design does not silently overwrite the first', async ({ app, api, canvas, inspector, toolbar, context }) => {
    // Tab 1 saves once so both tabs share a stored revision.
    await canvas.select('api')
    await inspector.type('api', 'name', 'tab-one')
    await expect(toolbar.saveState).toHaveAttribute('data-status', 'saved')

    const tab2 = await context.newPage()
    await openApp(tab2)
    const api2 = new DesignerApi(tab2)
    await expect(new Canvas(tab2).nodeTitle('api')).toHaveText('tab-one')

    // Tab 2 edits and saves; tab 1 is told and pauses instead of overwriting.
    await tab2.getByTestId('node.api.title').click()
    await tab2.getByTestId('inspector.api.name').fill('tab-two')
    await tab2.getByTestId('inspector.api.name').blur()
    await expect(tab2.getByTestId('toolbar.save-state')).toHaveAttribute('data-status', 'saved')
    await expect(app.getByTestId('banner.conflict')).toBeVisible()

    // Tab 1 keeps editing: nothing it does reaches the store until the person chooses.
    await inspector.type('api', 'description', 'edited in tab one')
    await api.flushAutosave()
    await tab2.reload()
    await tab2.waitForFunction(() => !!window.__designer)
    expect((await api2.document()).design.api.name).toBe('tab-two')

    // Choosing "load the other tab's version" takes tab two's design.
    await app.getByTestId('banner.load-theirs').click()
    await expect(canvas.nodeTitle('api')).toHaveText('tab-two')
    await expect(app.getByTestId('banner.conflict')).toHaveCount(0)
    await tab2.close()
  })
})
