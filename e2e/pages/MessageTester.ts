import { expect, type Locator, type Page } from '@playwright/test'

/** The message tester in the bottom panel. */
export class MessageTester {
  readonly panel: Locator
  readonly message: Locator
  readonly route: Locator
  readonly routeReason: Locator
  readonly template: Locator
  readonly rendered: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('tester.panel')
    this.message = page.getByTestId('tester.message')
    this.route = page.getByTestId('tester.result.route')
    this.routeReason = page.getByTestId('tester.result.route-reason')
    this.template = page.getByTestId('tester.result.template')
    this.rendered = page.getByTestId('tester.result.rendered')
    this.error = page.getByTestId('tester.result.error')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('bottom.tab.tester').click()
    await expect(this.panel).toBeVisible()
  }

  async send(message: string): Promise<void> {
    await this.message.fill(message)
  }

  field(name: string): Locator {
    return this.page.getByTestId(`tester.context.${name}`)
  }
}
