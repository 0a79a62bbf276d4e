import { expect, type Locator, type Page } from '@playwright/test'

/** The Live panel in the bottom panel: an in-page emulator session of the design. */
export class Live {
  readonly root: Locator
  readonly timeline: Locator
  readonly state: Locator
  readonly received: Locator
  readonly message: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('live')
    this.timeline = page.getByTestId('live.timeline')
    this.state = page.getByTestId('live.state')
    this.received = page.getByTestId('live.received')
    this.message = page.getByTestId('live.message')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('bottom.tab.live').click()
    await expect(this.root).toBeVisible()
  }

  async start(): Promise<void> {
    await this.page.getByTestId('live.start').click()
    await expect(this.page.getByTestId('live.status')).toContainText('Running in this page')
  }

  async connect(query = ''): Promise<void> {
    await this.page.getByTestId('live.query').fill(query)
    await this.page.getByTestId('live.connect').click()
  }

  async send(text: string): Promise<void> {
    await this.message.fill(text)
    await this.page.getByTestId('live.send').click()
  }

  event(kind: string): Locator {
    return this.timeline.locator(`[data-kind="${kind}"]`)
  }

  async saveScript(name: string): Promise<void> {
    await this.page.getByTestId('live.script-name').fill(name)
    await this.page.getByTestId('live.save-script').click()
  }

  async runScript(name: string): Promise<void> {
    await this.page.getByTestId(`live.run.${name}`).click()
  }
}
