import { expect, openApp, test } from './fixtures'
import { ExportPane } from './pages/ExportPane'
import { Panels } from './pages/Panels'

test.describe('resizable panels at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('the bottom panel grows by dragging its edge, the export pane then shows many more lines, and the height is remembered', async ({ page }) => {
    await openApp(page)
    const panels = new Panels(page)
    const exportPane = new ExportPane(page)
    await exportPane.open()
    await expect(exportPane.preview.locator('.view-line').first()).toBeVisible()
    const before = await panels.visibleCodeLines()
    expect(before).toBeGreaterThanOrEqual(12)
    const height = await panels.size('bottom')

    await panels.drag('bottom', 0, -260)
    await expect.poll(() => panels.size('bottom')).toBeGreaterThan(height + 240)
    await expect.poll(() => panels.visibleCodeLines()).toBeGreaterThanOrEqual(before + 15)
    const grown = await panels.size('bottom')

    await page.reload()
    await expect(page.getByTestId('canvas').locator('.react-flow__node').first()).toBeVisible()
    await expect.poll(() => panels.size('bottom')).toBeGreaterThan(grown - 4)
    expect(await panels.size('bottom')).toBeLessThan(grown + 4)
  })

  test('maximising the bottom panel shows 45+ lines of export; restoring gives the canvas its room back', async ({ page }) => {
    await openApp(page)
    const panels = new Panels(page)
    const exportPane = new ExportPane(page)
    await exportPane.open()
    await expect(exportPane.preview.locator('.view-line').first()).toBeVisible()
    await expect(panels.maximize).toHaveAccessibleName('Maximise the bottom panel')
    await panels.maximize.click()
    await expect(panels.maximize).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(() => panels.visibleCodeLines()).toBeGreaterThanOrEqual(45)
    await expect(page.getByTestId('canvas')).toBeHidden()
    await panels.maximize.click()
    await expect(page.getByTestId('canvas')).toBeVisible()
    await expect.poll(() => panels.size('bottom')).toBeLessThan(340)
  })

  test('the palette and the inspector resize by mouse and keyboard, collapse when dragged past their minimum, and come back', async ({ page }) => {
    await openApp(page)
    const panels = new Panels(page)
    const palette = await panels.size('palette')
    await panels.drag('palette', 120, 0)
    await expect.poll(() => panels.size('palette')).toBeGreaterThan(palette + 100)

    const inspector = await panels.size('inspector')
    await panels.handle('inspector').focus()
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    await expect.poll(() => panels.size('inspector')).toBeGreaterThan(inspector + 20)

    // Dragged far past its minimum width the palette collapses; the View command brings it back at its old width.
    const wide = await panels.size('palette')
    await panels.drag('palette', -wide, 0)
    await expect(page.getByTestId('palette')).toBeHidden()
    await page.locator('body').press('Control+Alt+1')
    await expect(page.getByTestId('palette')).toBeVisible()
    await expect.poll(() => panels.size('palette')).toBeGreaterThan(wide - 10)

    const kept = { palette: await panels.size('palette'), inspector: await panels.size('inspector') }
    await page.reload()
    await expect(page.getByTestId('palette')).toBeVisible()
    await expect.poll(() => panels.size('palette')).toBeGreaterThan(kept.palette - 4)
    await expect.poll(() => panels.size('inspector')).toBeGreaterThan(kept.inspector - 4)
  })
})
