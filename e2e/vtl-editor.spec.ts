/**
 * The mapping-template editor in the real app: Monaco loads lazily, typing a broken template shows a marker at the
 * right line within a second, fixing it clears the marker, edits reach the design, completion and hover know the
 * WebSocket variables and the design's stage variables, each template keeps its own undo history, and validation
 * still works when the worker cannot load.
 */
import { aDesign } from '../src/model/builders'
import type { DesignDocument } from '../src/model/types'
import { expect, test } from './fixtures'
import { Canvas } from './pages/Canvas'

/** Two routes, each with its own integration and template, and a stage with variables. */
function twoRouteDocument(): DesignDocument {
  const design = aDesign('chatapi')
    .withStage('dev', { name: 'dev', autoDeploy: true, stageVariables: { tableName: 'Messages', queueUrl: 'https://sqs.example/q' } })
    .withIntegration('joinMock', {
      type: 'mock',
      requestTemplates: { $default: '{\n  "statusCode": 200\n}' },
      templateSelectionExpression: '\\$default',
    })
    .withIntegration('leaveMock', {
      type: 'mock',
      requestTemplates: { $default: '{\n  "statusCode": 204\n}' },
      templateSelectionExpression: '\\$default',
    })
    .withRoute('join', { key: 'join', integration: 'joinMock' })
    .withRoute('leave', { key: 'leave', integration: 'leaveMock' })
    .build()
  return {
    design,
    layout: { api: { x: 0, y: 0 }, dev: { x: 0, y: 200 }, join: { x: 320, y: 0 }, leave: { x: 320, y: 200 }, joinMock: { x: 640, y: 0 }, leaveMock: { x: 640, y: 200 } },
  }
}

test.describe('template editor', () => {
  test('loads Monaco lazily: the canvas works while Monaco is still downloading, the editor shows a loading state', async ({ page }) => {
    const requested: string[] = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    // Hold every Monaco chunk until the test releases it.
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/(monacoSetup|editor\.api)[^/]*\.js$/, async (route) => {
      await gate
      await route.continue()
    })
    await page.goto('/?testApi')
    await expect(page.getByTestId('canvas').locator('.react-flow__node').first()).toBeVisible()
    expect(requested.filter((p) => /monacoSetup|editor\.api|editor\.worker|vtl\.worker/.test(p))).toEqual([])

    // Open a template: Monaco is requested now, and the panel says it is loading.
    // The seed opens at a readable zoom: the page object brings putItem into view first.
    await new Canvas(page).select('putItem')
    await page.getByTestId('bottom.tab.editor').click()
    await expect(page.getByTestId('editor.loading')).toBeVisible()
    await expect.poll(() => requested.some((p) => /monacoSetup/.test(p))).toBe(true)
    // The canvas still responds meanwhile.
    await page.getByTestId('node.connect.title').click()
    await expect.poll(() => page.evaluate(() => window.__designer!.getSelection())).toEqual(['connect'])

    release()
    await expect(page.getByTestId('editor.monaco').locator('.view-lines')).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('editor.loading')).toHaveCount(0)
  })

  test('a broken template shows a marker at the right line within a second; fixing it clears it', async ({ canvas, vtlEditor, api }) => {
    await canvas.select('putItem')
    await vtlEditor.open()
    await vtlEditor.ready()
    await expect(vtlEditor.tab('application/json')).toHaveAttribute('aria-selected', 'true')
    // Start from a readable multi-line template.
    await vtlEditor.setText('{\n  "TableName": "@{table.name}",\n  "Item": {\n    "id": {"S": "$context.requestId"}\n  }\n}')
    await vtlEditor.expectNoProblems()

    // Break line 3: an unclosed #foreach.
    await vtlEditor.typeAtEndOfLine(3, ' #foreach($i in [1..2])')
    const typedAt = Date.now()
    await expect(vtlEditor.problemAtLine(3)).toBeVisible({ timeout: 1_000 })
    const elapsed = Date.now() - typedAt
    console.log(`marker visible ${elapsed} ms after the last keystroke`)
    await expect(vtlEditor.problemAtLine(3)).toHaveAttribute('data-code', 'VTL001')
    await expect(vtlEditor.squiggles().first()).toBeVisible()
    await expect(vtlEditor.status).toHaveAttribute('data-errors', '1')
    // The squiggle is drawn on the line that holds the #foreach.
    const squiggle = (await vtlEditor.squiggles().first().boundingBox())!
    const line = (await vtlEditor.monaco.locator('.view-line').filter({ hasText: '#foreach' }).boundingBox())!
    expect(squiggle.y + squiggle.height / 2).toBeGreaterThan(line.y)
    expect(squiggle.y + squiggle.height / 2).toBeLessThan(line.y + line.height)

    // The edit reached the design (one store update per keystroke).
    expect((await api.document()).design.integrations.putItem.requestTemplates!['application/json']).toContain('#foreach($i in [1..2])')

    // Fix it: close the loop.
    await vtlEditor.typeAtEndOfLine(3, '#end')
    const fixedAt = Date.now()
    await expect(vtlEditor.problems).toHaveCount(0, { timeout: 1_000 })
    console.log(`marker cleared ${Date.now() - fixedAt} ms after the fix`)
    await expect(vtlEditor.squiggles()).toHaveCount(0)
    await vtlEditor.expectNoProblems()
  })

  test('a syntax error and an unknown $context variable are located on their own lines', async ({ api, canvas, vtlEditor, page }) => {
    await canvas.select('putItem')
    await vtlEditor.open()
    await vtlEditor.ready()
    await vtlEditor.setText('{\n  "a": "$context.connectionId",\n  "b": "$context.httpMethod",\n  "c": "$util.escapeJavaScript("\n}')
    await expect(vtlEditor.problemAtLine(4)).toBeVisible({ timeout: 2_000 })
    await expect(vtlEditor.problemAtLine(4)).toHaveAttribute('data-code', /VTL00[14]/)
    // Fix line 4; the REST-only variable on line 3 is reported as such.
    await vtlEditor.setText('{\n  "a": "$context.connectionId",\n  "b": "$context.httpMethod",\n  "c": "x"\n}')
    await expect(vtlEditor.problemAtLine(3)).toHaveAttribute('data-code', 'VTL008')
    await expect(vtlEditor.problemAtLine(4)).toHaveCount(0)
    // Clicking a problem puts the cursor there: what is typed next lands on line 3.
    await vtlEditor.problemAtLine(3).click()
    await page.keyboard.type('X')
    await expect
      .poll(async () => (await api.document()).design.integrations.putItem.requestTemplates!['application/json'].split('\n')[2])
      .toBe('  "b": "X$context.httpMethod",')
  })

  test('completion lists $context members and the stage variables of the design; hover explains them', async ({ api, canvas, vtlEditor, page }) => {
    await api.load(twoRouteDocument())
    await canvas.select('join')
    await vtlEditor.open()
    await vtlEditor.ready()
    await vtlEditor.setText('{\n  "statusCode": 200\n}')
    await vtlEditor.typeAtEndOfLine(2, ',\n  "c": "$context.conn')
    const suggest = page.locator('.suggest-widget .monaco-list-row')
    await expect(suggest.filter({ hasText: 'connectionId' })).toBeVisible()
    await expect(suggest.filter({ hasText: 'connectedAt' })).toBeVisible()
    await page.keyboard.press('Escape')
    await page.keyboard.type('ectionId",\n  "t": "$stageVariables.')
    await expect(suggest.filter({ hasText: 'tableName' })).toBeVisible()
    await expect(suggest.filter({ hasText: 'queueUrl' })).toBeVisible()
    await page.keyboard.type('ta')
    await expect(suggest).toHaveCount(1)
    await page.keyboard.press('Enter')
    await page.keyboard.type('"')
    await expect.poll(async () => (await api.document()).design.integrations.joinMock.requestTemplates!.$default).toContain('"t": "$stageVariables.tableName"')
    await vtlEditor.expectNoProblems()

    // Hover over `connectionId` on line 3.
    const line3 = vtlEditor.monaco.locator('.view-line').filter({ hasText: 'connectionId' })
    await line3.locator('span', { hasText: 'connectionId' }).last().hover()
    await expect(page.locator('.monaco-hover').filter({ hasText: 'Unique id of the connection' })).toBeVisible()
  })

  test('switching routes swaps models and keeps each template’s own undo history', async ({ api, canvas, vtlEditor, page }) => {
    await api.load(twoRouteDocument())
    await canvas.select('join')
    await vtlEditor.open()
    await vtlEditor.ready()
    await vtlEditor.typeAtEndOfLine(2, ', "joined": true')
    await canvas.select('leave')
    await expect(vtlEditor.monaco).toHaveAttribute('data-model-path', /leaveMock/)
    await vtlEditor.typeAtEndOfLine(2, ', "left": true')
    await canvas.select('join')
    await expect(vtlEditor.monaco).toHaveAttribute('data-model-path', /joinMock/)
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('"joined": true')

    // Undo in the editor walks back this template's own edits (the model survived the switch), not the other one's.
    const template = async (id: string) => (await api.document()).design.integrations[id].requestTemplates!.$default
    const undoUntil = async (id: string, text: string) => {
      for (let i = 0; i < 12 && (await template(id)) !== text; i++) {
        await page.keyboard.press('ControlOrMeta+Z')
        await page.waitForTimeout(50)
      }
      expect(await template(id)).toBe(text)
    }
    await vtlEditor.focus()
    await undoUntil('joinMock', '{\n  "statusCode": 200\n}')
    expect(await template('leaveMock')).toBe('{\n  "statusCode": 204, "left": true\n}')

    // The other template kept its history too; redo brings its edit back.
    await canvas.select('leave')
    await expect(vtlEditor.monaco).toHaveAttribute('data-model-path', /leaveMock/)
    await vtlEditor.focus()
    await undoUntil('leaveMock', '{\n  "statusCode": 204\n}')
    for (let i = 0; i < 12 && (await template('leaveMock')) !== '{\n  "statusCode": 204, "left": true\n}'; i++) await page.keyboard.press('ControlOrMeta+Shift+Z')
    expect(await template('leaveMock')).toBe('{\n  "statusCode": 204, "left": true\n}')
    expect(await template('joinMock')).toBe('{\n  "statusCode": 200\n}')
  })

  test('undo from the toolbar (the app history) shows up in the editor, step by step', async ({ api, canvas, vtlEditor, page }) => {
    await api.load(twoRouteDocument())
    await canvas.select('join')
    await vtlEditor.open()
    await vtlEditor.ready()
    const template = async () => (await api.document()).design.integrations.joinMock.requestTemplates!.$default
    await vtlEditor.typeAtEndOfLine(2, ',"a":1')
    await vtlEditor.monaco.blur()
    await page.waitForTimeout(900) // typing pause: one history step
    await vtlEditor.typeAtEndOfLine(2, ',"b":2')
    await page.waitForTimeout(900)
    expect(await template()).toBe('{\n  "statusCode": 200,"a":1,"b":2\n}')

    await page.getByTestId('toolbar.undo').click()
    await expect.poll(template).toBe('{\n  "statusCode": 200,"a":1\n}')
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('"statusCode": 200,"a":1')
    await expect(vtlEditor.monaco.locator('.view-lines')).not.toContainText('"b":2')
    await page.getByTestId('toolbar.undo').click()
    await expect.poll(template).toBe('{\n  "statusCode": 200\n}')
    await expect(vtlEditor.monaco.locator('.view-lines')).not.toContainText('"a":1')
    await page.getByTestId('toolbar.redo').click()
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('"statusCode": 200,"a":1')
    // Typing after an outside change continues from what the design holds.
    await vtlEditor.typeAtEndOfLine(2, ',"c":3')
    await expect.poll(template).toBe('{\n  "statusCode": 200,"a":1,"c":3\n}')
  })

  test('integration response templates are tabs too; edits land in the response', async ({ api, canvas, vtlEditor, page }) => {
    const doc = twoRouteDocument()
    doc.design.routes.join.twoWay = true
    doc.design.integrations.joinMock.responses = { $default: { templateSelectionExpression: '\\$default', templates: { $default: '{"joined": true}' } } }
    await api.load(doc)
    await canvas.select('join')
    await vtlEditor.open()
    await vtlEditor.ready()
    const responseTab = vtlEditor.tab('responses.$default.templates.$default')
    await expect(responseTab).toBeVisible()
    await responseTab.click()
    await expect(responseTab).toHaveAttribute('aria-selected', 'true')
    await expect(vtlEditor.monaco).toHaveAttribute('data-model-path', '/integrations/joinMock/responses/%24default/%24default.vtl')
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('"joined": true')
    await vtlEditor.typeAtEndOfLine(1, '\n## reply sent to the client')
    await expect
      .poll(async () => (await api.document()).design.integrations.joinMock.responses!.$default.templates!.$default)
      .toBe('{"joined": true}\n## reply sent to the client')
    // The request template is untouched and still one click away.
    await vtlEditor.tab('$default').click()
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('"statusCode": 200')
    expect((await api.document()).design.integrations.joinMock.requestTemplates!.$default).toBe('{\n  "statusCode": 200\n}')
    await page.keyboard.press('Escape')
  })

  test('an integration without templates offers to add one; proxy integrations explain why there is none', async ({ api, canvas, vtlEditor, page }) => {
    const doc = twoRouteDocument()
    delete doc.design.integrations.leaveMock.requestTemplates
    doc.design.integrations.joinMock = { type: 'lambda-proxy', uri: 'arn:aws:lambda:us-east-1:123456789012:function:join' }
    await api.load(doc)
    await canvas.select('join')
    await vtlEditor.open()
    await expect(page.getByTestId('editor.empty')).toContainText('pass the message through unchanged')
    await expect(vtlEditor.monaco).toHaveCount(0)

    await canvas.select('leave')
    await expect(page.getByTestId('editor.add-template')).toBeVisible()
    await page.getByTestId('editor.new-template-key').fill('application/json')
    await page.getByTestId('editor.add-template').click()
    await expect(vtlEditor.tab('application/json')).toHaveAttribute('aria-selected', 'true')
    await vtlEditor.ready()
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('$context.connectionId')
    await expect
      .poll(async () => Object.keys((await api.document()).design.integrations.leaveMock.requestTemplates ?? {}))
      .toEqual(['application/json'])
  })

  test('with nothing selected, the editor offers the templates of the design', async ({ vtlEditor, page }) => {
    await vtlEditor.open()
    await expect(page.getByTestId('editor.empty')).toContainText('Select a route or an integration')
    await page.getByTestId('editor.open.putItem').click()
    await vtlEditor.ready()
    await expect(vtlEditor.tab('application/json')).toHaveAttribute('aria-selected', 'true')
    await expect(vtlEditor.monaco.locator('.view-lines')).toContainText('$context.requestId')
  })

  test('validation falls back to the main thread when the worker cannot load', async ({ page, canvas, vtlEditor }) => {
    await page.route(/vtl\.worker/, (route) => route.abort())
    await canvas.select('putItem')
    await vtlEditor.open()
    await vtlEditor.ready()
    await vtlEditor.setText('{\n  "a": 1\n}\n#if($x)')
    await expect(vtlEditor.problemAtLine(4)).toHaveAttribute('data-code', 'VTL001', { timeout: 10_000 })
    await expect(vtlEditor.status).toHaveAttribute('data-validation-mode', 'main-thread')
    await expect(page.getByTestId('editor.validation-fallback')).toBeVisible()
    await vtlEditor.typeAtEndOfLine(4, '#end')
    await expect(vtlEditor.problems).toHaveCount(0, { timeout: 2_000 })
  })
})
