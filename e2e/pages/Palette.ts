import { type Locator, type Page } from '@playwright/test'

/** The palette and the keyboard add menu. */
export class Palette {
  readonly root: Locator
  readonly addMenu: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('palette')
    this.addMenu = page.getByTestId('add-menu')
  }

  item(id: string): Locator {
    return this.page.getByTestId(`palette.${id}`)
  }

  /** Adds through the searchable add menu (Ctrl/Cmd+K), keyboard only. */
  async addWithKeyboard(query: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K')
    await this.page.getByTestId('add-menu.search').fill(query)
    await this.page.keyboard.press('Enter')
  }
}
