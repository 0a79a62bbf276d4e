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

  /** Attaches to a running `serve` instead of starting in the page. */
  async attach(url: string): Promise<void> {
    await this.page.getByTestId('live.remote-url').fill(url)
    await this.page.getByTestId('live.attach').click()
    await expect(this.page.getByTestId('live.status')).toContainText(`Attached to ${url}`)
  }

  /** Makes the named connection (`a`, `b`, …) the one that sends and whose received frames are shown. */
  async select(name: string): Promise<void> {
    await this.page.getByTestId(`live.conn.${name}`).click()
    await expect(this.page.getByRole('heading', { name: `Send on ${name}` })).toBeVisible()
  }

  async connect(query = '', opts: { headers?: string; apiKey?: string } = {}): Promise<void> {
    await this.page.getByTestId('live.query').fill(query)
    await this.page.getByTestId('live.headers').fill(opts.headers ?? '')
    await this.page.getByTestId('live.api-key').fill(opts.apiKey ?? '')
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
