import { expect, test } from './fixtures'

// The File System Access path, with the operating system's pickers replaced by stubs that record writes.
test('File System Access: open a file, save writes back to it; a file that failed to open is never written', async ({ app, api, canvas, inspector, toolbar }) => {
  await app.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __writes: { name: string; text: string }[]; __pick: { name: string; text: string } }
    w.__writes = []
    const handle = (name: string, text?: string) => ({
      name,
      getFile: async () => new File([text ?? ''], name),
      createWritable: async () => ({
        write: async (t: string) => void w.__writes.push({ name, text: t }),
        close: async () => {},
      }),
    })
    w.showOpenFilePicker = async () => [handle(w.__pick.name, w.__pick.text)]
    w.showSaveFilePicker = async (o: { suggestedName: string }) => handle(o.suggestedName)
  })
  await app.reload()
  await app.waitForFunction(() => !!window.__designer)

  const good = (await api.serialize()).replace('name: mywsapi', 'name: from-disk')
  await app.evaluate((text) => ((window as unknown as { __pick: unknown }).__pick = { name: 'picked.yaml', text }), good)
  await toolbar.click('open')
  await expect(canvas.nodeTitle('api')).toHaveText('from-disk')
  await expect(app.getByTestId('toolbar.doc-name')).toContainText('picked.yaml')

  // A bad file picked next: error shown, and Save still writes to picked.yaml, not to the bad file.
  await app.evaluate(() => ((window as unknown as { __pick: unknown }).__pick = { name: 'bad.yaml', text: 'format: [' }))
  await toolbar.click('open')
  await expect(app.getByTestId('files.error')).toContainText('bad.yaml could not be opened')
  await app.getByTestId('files.error.close').click()

  await canvas.select('api')
  await inspector.type('api', 'description', 'saved through the handle')
  await app.keyboard.press('ControlOrMeta+S')
  await expect.poll(() => app.evaluate(() => (window as unknown as { __writes: { name: string }[] }).__writes.length)).toBe(1)
  const writes = await app.evaluate(() => (window as unknown as { __writes: { name: string; text: string }[] }).__writes)
  expect(writes[0].name).toBe('picked.yaml')
  expect(writes[0].text).toBe(await api.serialize())
  await expect(app.getByTestId('notice.success').last()).toContainText('Saved picked.yaml')
})
