import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'

test.describe('CloudFormation import (the import module’s dialog, wired here)', () => {
  test('the toolbar opens the import dialog', async ({ app, toolbar }) => {
    await toolbar.click('import')
    await expect(app.getByTestId('import.dialog')).toBeVisible()
    await app.getByTestId('import.cancel').click()
    await expect(app.getByTestId('import.dialog')).toHaveCount(0)
  })

  test('dropping a template on the window imports it as one undoable step', async ({ app, api, canvas }) => {
    const text = await readFile('src/import/__fixtures__/handwritten-plain.yaml', 'utf8')
    await app.evaluate((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'stack.yaml', { type: 'application/yaml' }))
      document.querySelector('.toolbar')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, text)
    await expect(app.getByTestId('import.dialog')).toBeVisible()
    await expect(app.getByTestId('import.confirm')).toBeEnabled({ timeout: 20_000 })
    await app.getByTestId('import.confirm').click()
    await expect(canvas.nodeTitle('api')).toHaveText('queue-api')
    expect((await api.document()).design.api.name).toBe('queue-api')
    await app.getByTestId('toolbar.undo').click()
    await expect(canvas.nodeTitle('api')).toHaveText('mywsapi')
  })
})
