import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'

const BAD_YAML = 'format: socket-studio/design\nversion: 1\ndesign:\n  api: { name: "x"\n  routes: {}\n'
const BAD_DESIGN = [
  'format: socket-studio/design',
  'version: 1',
  'design:',
  '  api:',
  '    name: broken',
  '    routeSelectionExpression: $request.body.action',
  '  integrations:',
  '    i1:',
  '      type: telepathy',
  '',
].join('\n')

test.describe('files', () => {
  test.beforeEach(async ({ app }) => {
    // Use the upload/download path (no File System Access API) so the test drives real file inputs.
    await app.addInitScript(() => {
      Object.defineProperty(window, 'showOpenFilePicker', { value: undefined, configurable: true })
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true })
    })
    await app.reload()
    await app.waitForFunction(() => !!window.__designer)
  })

  test('opening a bad file shows the located error and leaves the design untouched', async ({ app, api, toolbar }) => {
    const before = await api.serialize()
    for (const [name, text, where] of [
      ['broken.yaml', BAD_YAML, /line \d+, column \d+/],
      ['invalid.yaml', BAD_DESIGN, /line 9, column \d+/],
    ] as const) {
      const chooser = app.waitForEvent('filechooser')
      await toolbar.click('open')
      await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) })
      const dialog = app.getByTestId('files.error')
      await expect(dialog).toContainText(`${name} could not be opened`)
      await expect(dialog.getByTestId('files.error.item.0')).toContainText(where)
      await dialog.getByTestId('files.error.close').click()
      await expect(dialog).toHaveCount(0)
      expect(await api.serialize()).toBe(before)
    }
    expect(await api.undoDepth()).toBe(0)
  })

  test('save downloads the design; opening it again gives the same design (undo returns to the previous one)', async ({ app, api, canvas, inspector, toolbar }) => {
    await canvas.select('api')
    await inspector.type('api', 'name', 'saved-api')
    const download = app.waitForEvent('download')
    await toolbar.click('save')
    const file = await download
    expect(file.suggestedFilename()).toBe('design.yaml')
    const text = await readFile((await file.path())!, 'utf8')
    expect(text).toBe(await api.serialize())

    await toolbar.click('new')
    await expect(canvas.nodeTitle('api')).toHaveText('myapi')
    const chooser = app.waitForEvent('filechooser')
    await toolbar.click('open')
    await (await chooser).setFiles({ name: 'mine.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) })
    await expect(canvas.nodeTitle('api')).toHaveText('saved-api')
    expect(await api.serialize()).toBe(text)
    await expect(app.getByTestId('toolbar.doc-name')).toContainText('mine.yaml')
    await toolbar.click('undo')
    await expect(canvas.nodeTitle('api')).toHaveText('myapi')
  })

  test('share link carries the design', async ({ app, api, canvas, inspector, toolbar, context }) => {
    await canvas.select('api')
    await inspector.type('api', 'name', 'shared-api')
    await toolbar.click('share')
    const url = await app.getByTestId('share.url').inputValue()
    expect(url).toContain('#design=')
    const other = await context.newPage()
    // The app is open with ?testApi, so the link keeps it.
    await other.goto(url)
    await expect(other.getByTestId('node.api.title')).toHaveText('shared-api')
    await other.waitForFunction(() => !!window.__designer)
    expect(await other.evaluate(() => window.__designer!.serialize())).toBe(await api.serialize())
    await other.close()
  })
})
