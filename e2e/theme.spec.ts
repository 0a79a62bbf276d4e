import { expect, openApp, test } from './fixtures'

test.describe('themes', () => {
  test('follows the system by default and switches light → dark → system', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await openApp(page)
    const html = page.locator('html')
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(page.locator('.react-flow')).toHaveClass(/dark/)
    const theme = page.getByTestId('toolbar.theme')
    await theme.click()
    await expect(html).toHaveAttribute('data-theme', 'light')
    await theme.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(theme).toHaveText('Theme: dark')
    // The choice survives a reload.
    await page.reload()
    await expect(page.getByTestId('toolbar.theme')).toHaveText('Theme: dark')
    await page.getByTestId('toolbar.theme').click()
    await expect(page.getByTestId('toolbar.theme')).toHaveText('Theme: system')
    await context.close()
  })
})
