import { expect, openApp, test, DesignerApi, APP_URL } from './fixtures'
import { Canvas } from './pages/Canvas'
import { MessageTester } from './pages/MessageTester'
import { Problems } from './pages/Problems'
import { Shell } from './pages/Shell'

/** Small rough edges of issue 12 (item 10), each seen by a person at 1440×900. */
test.describe('rough edges at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('an error notice floats above the bottom panel (not over the tester output) and times out', async ({ page }) => {
    await openApp(page)
    const tester = new MessageTester(page)
    await tester.open()
    await tester.send('{"action":"hello"}')
    await expect(tester.route).toBeVisible()
    await new Shell(page).pasteFragment('#design=damaged')
    const notice = page.getByTestId('notice.error')
    await expect(notice).toBeVisible()
    const n = (await notice.boundingBox())!
    const bottom = (await page.getByTestId('bottom').boundingBox())!
    expect(n.y + n.height, 'notice bottom edge vs bottom panel top').toBeLessThanOrEqual(bottom.y)
    await expect(notice).toBeHidden({ timeout: 15_000 })
  })

  test('a damaged share link opened at start says so in words, not with the decompressor error', async ({ page }) => {
    await page.goto(`${APP_URL}#design=AAAA-not-deflate`)
    const notice = page.getByTestId('notice.error')
    await expect(notice).toContainText('damaged or incomplete')
    await expect(notice).not.toContainText(/invalid|unexpected|block|inflate|zlib/i)
  })

  test('the Import button of the import dialog looks disabled until there is something to import', async ({ page }) => {
    await openApp(page)
    await page.getByTestId('toolbar.import').click()
    const confirm = page.getByTestId('import.confirm')
    await expect(confirm).toBeDisabled()
    const look = await confirm.evaluate((el) => ({ opacity: Number(getComputedStyle(el).opacity), cursor: getComputedStyle(el).cursor }))
    expect(look.opacity).toBeLessThanOrEqual(0.5)
    expect(look.cursor).toBe('not-allowed')
    // The toolbar's Import is disabled while the dialog is open, and looks it.
    await expect(page.getByTestId('toolbar.import')).toBeDisabled()
    expect(Number(await page.getByTestId('toolbar.import').evaluate((el) => getComputedStyle(el).opacity))).toBeLessThanOrEqual(0.5)
  })

  test('dragging Stage → API explains that a stage already deploys the API', async ({ page }) => {
    await openApp(page)
    const api = new DesignerApi(page)
    const before = await api.serialize()
    await new Canvas(page).connect('dev', 'api')
    const notice = page.getByTestId('notice.error')
    await expect(notice).toContainText('already connected to the API')
    await expect(notice).toContainText('add a Stage from the palette')
    expect(await api.serialize()).toBe(before)
  })

  test('routes without a stage get a warning; a fresh SQS preset asks for a queue; no internal ids in the text', async ({ page }) => {
    await openApp(page)
    const api = new DesignerApi(page)
    const doc = await api.document()
    doc.design.stages = {}
    delete doc.layout.dev
    await api.load(doc)
    const problems = new Problems(page)
    await problems.open()
    await expect(problems.itemFor('api', 'MDL081')).toContainText('no stage')

    await page.getByTestId('palette.integration.sqs-sendmessage').dblclick()
    const [sqs] = await api.selection()
    await expect(problems.itemFor(sqs, 'MDL030')).toContainText('Connect a queue')
    await expect(problems.panel).not.toContainText('"target"')
    // What people read never shows the ids the code uses for connections or path-style integrations.
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/\w+:\w+->\w+/)
    expect(text).not.toMatch(/\bsqs path\b/i)
  })

  test('a right-to-left override in a name stays inside its own text (bdi / unicode-bidi: isolate)', async ({ page }) => {
    await openApp(page)
    const api = new DesignerApi(page)
    const doc = await api.document()
    doc.design.api.name = 'evil\u202Egnp.exe'
    doc.design.routes.connect.integration = undefined
    await api.load(doc)
    const name = page.getByTestId('toolbar.doc-name').locator('bdi').first()
    await expect(name).toHaveText('evil\u202Egnp.exe')
    expect(await name.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate')
    const problems = new Problems(page)
    await problems.open()
    const where = problems.panel.locator('.where').first()
    expect(await where.evaluate((el) => [el.tagName, getComputedStyle(el).unicodeBidi])).toEqual(['BDI', 'isolate'])
    // The text after the name is not reversed: "· design.yaml" still reads left to right after it.
    const after = await page.getByTestId('toolbar.doc-name').evaluate((el) => {
      const [nameBox, fileBox] = [...el.querySelectorAll('bdi')].map((b) => b.getBoundingClientRect())
      return fileBox.left >= nameBox.right
    })
    expect(after).toBe(true)
  })
})
