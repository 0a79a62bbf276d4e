import { expect, type Locator, type Page } from '@playwright/test'

/** The inspector form; fields are addressed by entity kind and dotted field path: `field('route', 'key')`. */
export class Inspector {
  readonly root: Locator
  readonly title: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('inspector')
    this.title = page.getByTestId('inspector.title')
  }

  field(kind: string, path: string): Locator {
    return this.page.getByTestId(`inspector.${kind}.${path}`)
  }

  issues(kind: string, path: string): Locator {
    return this.page.getByTestId(`inspector.${kind}.${path}.issue`)
  }

  /** Types into a text field as a person would (one burst), then leaves it. */
  async type(kind: string, path: string, text: string): Promise<void> {
    const f = this.field(kind, path)
    await f.click()
    await f.press('ControlOrMeta+A')
    await f.pressSequentially(text, { delay: 10 })
    await f.blur()
  }

  async choose(kind: string, path: string, value: string): Promise<void> {
    await this.field(kind, path).selectOption(value)
  }

  async expectTitle(id: string): Promise<void> {
    await expect(this.title).toHaveText(id)
  }
}
