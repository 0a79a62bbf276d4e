import { expect, openApp, test, DesignerApi } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

test.describe('empty canvas and examples at 1440×900', () => {
  test('after New an empty-canvas hint says how to begin; it opens the examples gallery, and a picked example replaces the design', async ({ page }) => {
    await openApp(page)
    const api = new DesignerApi(page)
    const hint = page.getByTestId('canvas.empty-hint')
    await expect(hint).toBeHidden()
    await page.getByTestId('toolbar.new').click()
    await expect(hint).toBeVisible()
    await expect(hint).toContainText('Drag a route')

    await page.getByTestId('canvas.empty-hint.examples').click()
    const gallery = page.getByTestId('examples.dialog')
    await expect(gallery).toBeVisible()
    for (const id of ['seed', 'chat', 'sqs-fan-in', 'mock-ping', 'lambda-authorizer']) await expect(gallery.getByTestId(`examples.${id}`)).toBeVisible()
    await gallery.getByTestId('examples.chat').click()
    await expect(gallery).toBeHidden()
    await expect.poll(async () => (await api.document()).design.api.name).toBe('chat')
    await expect(hint).toBeHidden()
    await expect(page.getByTestId('toolbar.doc-name')).toContainText('chat.yaml')
    // Undo brings the empty design (and its hint) back.
    await page.getByTestId('toolbar.undo').click()
    await expect(hint).toBeVisible()
  })

  test('the Examples command is in the toolbar and the ? overlay (one command table); Escape closes the gallery', async ({ page }) => {
    await openApp(page)
    await page.getByTestId('toolbar.examples').click()
    await expect(page.getByTestId('examples.dialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('examples.dialog')).toBeHidden()
    expect(await page.evaluate(() => window.__designer!.commands().map((c) => c.id))).toContain('file.examples')
    await page.evaluate(() => window.__designer!.runCommand('file.examples'))
    await page.getByTestId('examples.sqs-fan-in').click()
    await expect.poll(async () => Object.keys((await new DesignerApi(page).document()).design.routes)).toContain('default')
  })
})
