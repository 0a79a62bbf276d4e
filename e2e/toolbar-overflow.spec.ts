/**
 * The toolbar stays on one row (issue 12, item 1: "at 1024×768 … the toolbar wraps"). Commands that do not fit move
 * into the More menu, least used first (the command table's overflowRank); the menu runs them by mouse and by
 * keyboard. Screen sizes: 1024×768, 1280×720 and 1440×900.
 */
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './fixtures'
import { Accessibility } from './pages/Accessibility'
import { Shell } from './pages/Shell'
import { Toolbar } from './pages/Toolbar'

/** The toolbar's geometry: its children's tops and rights, its height, and whether its content overflows. */
async function toolbarRow(page: Page) {
  return page.getByRole('toolbar', { name: 'Toolbar' }).evaluate((bar) => {
    const box = bar.getBoundingClientRect()
    const children = [...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0)
    const buttons = [...bar.querySelectorAll('button')].map((b) => b.getBoundingClientRect())
    return {
      height: box.height,
      right: box.right,
      buttonHeight: Math.max(...buttons.map((b) => b.height)),
      tops: children.map((r) => Math.round(r.top + r.height / 2)),
      rightmost: Math.max(...buttons.map((b) => b.right)),
      overflows: bar.scrollWidth > bar.clientWidth,
    }
  })
}

for (const viewport of [
  { width: 1024, height: 768, more: true },
  { width: 1280, height: 720, more: undefined },
  { width: 1440, height: 900, more: undefined },
]) {
  test.describe(`toolbar at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } })

    test('is one row: every item on one line, no button clipped, the rest in More', async ({ page }) => {
      await openApp(page)
      const row = await toolbarRow(page)
      expect(row.overflows).toBe(false)
      expect(row.height).toBeLessThan(row.buttonHeight * 2)
      // Every item is centred on the same line (within 2 px).
      expect(Math.max(...row.tops) - Math.min(...row.tops)).toBeLessThanOrEqual(2)
      expect(row.rightmost).toBeLessThanOrEqual(row.right)
      const toolbar = new Toolbar(page)
      if (viewport.more) await expect(toolbar.more).toBeVisible()
      if (await toolbar.more.isVisible()) {
        // Whatever is not in the row is in the menu: each toolbar command is in exactly one of the two.
        const inRow = await page.getByRole('toolbar', { name: 'Toolbar' }).locator('.tool-group button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')))
        await toolbar.more.click()
        const inMenu = await page.getByRole('menu', { name: 'More commands' }).getByRole('menuitem').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')))
        expect(inMenu.length).toBeGreaterThan(0)
        expect(inRow.filter((id) => inMenu.includes(id))).toEqual([])
        expect(inRow.length + inMenu.length).toBe(14)
      }
    })
  })
}

test.describe('the More menu at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })

  test('runs a command by mouse, and closes', async ({ page }) => {
    await openApp(page)
    const toolbar = new Toolbar(page)
    await expect(toolbar.button('shortcuts')).toBeHidden()
    await toolbar.click('shortcuts') // opens More, then the item
    await expect(new Shell(page).shortcuts).toBeVisible()
    await expect(page.getByRole('menu', { name: 'More commands' })).toBeHidden()
  })

  test('works from the keyboard: Enter opens it on the first item, arrows move, Escape returns to More, Enter runs', async ({ page }) => {
    await openApp(page)
    const a11y = new Accessibility(page)
    const toolbar = new Toolbar(page)
    await toolbar.more.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'More commands' })
    await expect(menu).toBeVisible()
    const items = await menu.getByRole('menuitem').evaluateAll((bs) => bs.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => b.getAttribute('data-testid')))
    expect(await a11y.focused()).toBe(items[0])
    await page.keyboard.press('ArrowDown')
    expect(await a11y.focused()).toBe(items[1])
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp') // wraps to the last
    expect(await a11y.focused()).toBe(items[items.length - 1])
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    expect(await a11y.focused()).toBe('toolbar.more')
    // ArrowDown opens it too; run Keyboard shortcuts (the first command to move) with Enter.
    await page.keyboard.press('ArrowDown')
    await expect(menu).toBeVisible()
    for (let i = 0; i < items.length && (await a11y.focused()) !== 'toolbar.shortcuts'; i++) await page.keyboard.press('ArrowDown')
    expect(await a11y.focused()).toBe('toolbar.shortcuts')
    await page.keyboard.press('Enter')
    await expect(new Shell(page).shortcuts).toBeVisible()
  })
})
