import { expect, type Locator, type Page } from '@playwright/test'

export class Problems {
  readonly panel: Locator
  readonly items: Locator
  readonly summary: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('problems.panel')
    this.items = this.panel.locator('[data-testid^="problems.item."]')
    this.summary = page.getByTestId('problems.summary')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('bottom.tab.problems').click()
    await expect(this.panel).toBeVisible()
  }

  itemFor(entity: string, code?: string): Locator {
    return this.panel.locator(`[data-entity="${entity}"]${code ? `[data-code="${code}"]` : ''}`)
  }
}
