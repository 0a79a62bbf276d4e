import { type Locator, type Page } from '@playwright/test'

/** Shell-wide pieces: notices, the `?` overlay, the shared-link prompt. */
export class Shell {
  readonly errorNotice: Locator
  readonly shortcuts: Locator
  readonly sharedLinkPrompt: Locator

  constructor(readonly page: Page) {
    this.errorNotice = page.getByTestId('notice.error')
    this.shortcuts = page.getByTestId('shortcuts.dialog')
    this.sharedLinkPrompt = page.getByTestId('shared-link.dialog')
  }

  /** Pastes a URL fragment into the open tab, as a person pasting a link into the address bar. */
  async pasteFragment(hash: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), hash)
  }
}
