import { type Locator, type Page } from '@playwright/test'

export type ToolbarButton = 'new' | 'open' | 'save' | 'import' | 'export' | 'share' | 'undo' | 'redo' | 'add' | 'auto-layout' | 'fit-view' | 'theme' | 'examples' | 'shortcuts'

export class Toolbar {
  readonly saveState: Locator

  constructor(readonly page: Page) {
    this.saveState = page.getByTestId('toolbar.save-state')
  }

  button(id: ToolbarButton): Locator {
    return this.page.getByTestId(`toolbar.${id}`)
  }

  /** The More menu's button: shown when some commands do not fit on the toolbar's one row. */
  get more(): Locator {
    return this.page.getByTestId('toolbar.more')
  }

  /** Clicks a command in the row, or through the More menu when the window is too narrow for its button. */
  async click(id: ToolbarButton): Promise<void> {
    if (!(await this.button(id).isVisible()) && (await this.more.isVisible())) await this.more.click()
    await this.button(id).click()
  }
}
