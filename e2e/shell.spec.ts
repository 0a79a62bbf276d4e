import { expect, openApp, test } from './fixtures'
import { Palette } from './pages/Palette'
import { Shell } from './pages/Shell'
import { Toolbar } from './pages/Toolbar'

test.use({ viewport: { width: 1440, height: 900 } })

test.describe('shell habits at 1440×900', () => {
  test('? opens the shortcut overlay listing the command table; Escape closes it', async ({ page }) => {
    await openApp(page)
    const shell = new Shell(page)
    await page.locator('body').press('?')
    await expect(shell.shortcuts).toBeVisible()
    await expect(shell.shortcuts.getByTestId('shortcuts.edit.undo')).toContainText('Ctrl+Z')
    await expect(shell.shortcuts.getByTestId('shortcuts.view.auto-layout')).toContainText('Ctrl+Shift+L')
    await page.keyboard.press('Escape')
    await expect(shell.shortcuts).toBeHidden()
    await new Toolbar(page).click('shortcuts')
    await expect(shell.shortcuts).toBeVisible()
  })

  test('View commands hide and show the palette, the inspector and the bottom panel; the canvas takes the room', async ({ page }) => {
    await openApp(page)
    const canvasWidth = async () => (await page.getByTestId('canvas').boundingBox())!.width
    const before = await canvasWidth()
    await page.locator('body').press('Control+Alt+1')
    await expect(page.getByTestId('palette')).toBeHidden()
    await page.evaluate(() => window.__designer!.runCommand('view.toggle-inspector'))
    await expect(page.getByTestId('inspector')).toBeHidden()
    await expect.poll(canvasWidth).toBeGreaterThan(before + 300)
    await page.locator('body').press('Control+Alt+1')
    await page.evaluate(() => window.__designer!.runCommand('view.toggle-inspector'))
    await expect(page.getByTestId('palette')).toBeVisible()
    await expect(page.getByTestId('inspector')).toBeVisible()
  })

  test('a double-click on a palette item adds one, next to the selection', async ({ page }) => {
    await openApp(page)
    const before = Object.keys((await page.evaluate(() => window.__designer!.getDocument().design.routes)) ?? {}).length
    await page.evaluate(() => window.__designer!.select(['connect']))
    const palette = new Palette(page)
    await palette.root.getByRole('button').filter({ hasText: /route/i }).first().dblclick()
    await expect.poll(async () => Object.keys(await page.evaluate(() => window.__designer!.getDocument().design.routes)).length).toBe(before + 1)
    const { layout } = await page.evaluate(() => window.__designer!.getDocument())
    const added = (await page.evaluate(() => window.__designer!.getSelection()))[0]
    expect(layout[added].x).toBeGreaterThan(layout.connect.x)
  })

  test('a share link pasted into an open tab asks first; a damaged one says so in words', async ({ page }) => {
    await openApp(page)
    const shell = new Shell(page)
    await shell.pasteFragment('#design=not-a-real-link')
    await expect(shell.errorNotice).toContainText('damaged or incomplete')
    await expect(shell.errorNotice).not.toContainText(/invalid|unexpected|block/i)
    // Errors time out instead of staying over the bottom panel.
    await expect(shell.errorNotice).toBeHidden({ timeout: 15_000 })
  })
})
