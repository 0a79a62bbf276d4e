/** Accessibility on the production build: the message box, the share link and every button have a name. */
import { expect, openApp, test } from './fixtures'

test.describe('accessible names at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('every button, the message box and the share link have an accessible name', async ({ page }) => {
    await openApp(page)
    await page.getByTestId('bottom.tab.tester').click()
    await expect(page.getByTestId('tester.message')).toBeVisible()
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role="button"], textarea, input:not([type="hidden"]), select')]
        .filter((el) => {
          const e = el as HTMLElement
          if (e.closest('.monaco-editor') || e.offsetParent === null) return false
          const label = e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.getAttribute('title') || (e as HTMLInputElement).labels?.length || e.textContent?.trim()
          return !label
        })
        .map((e) => e.outerHTML.slice(0, 120)),
    )
    expect(unnamed).toEqual([])
    await expect(page.getByTestId('tester.message')).toHaveAccessibleName(/.+/)
    await page.getByTestId('toolbar.share').click()
    await expect(page.getByRole('textbox', { name: /share/i })).toBeVisible()
  })
})
