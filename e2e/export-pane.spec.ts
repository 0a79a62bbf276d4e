/**
 * The export pane in the real app: every target downloads the file it previews, a whole project downloads as a zip,
 * copy puts the shown file on the clipboard, a design with errors is refused (errors listed) unless exported anyway,
 * and a first-time path — change the template, see validation, export CDK Python — takes well under a minute.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { unzipSync, strFromU8 } from 'fflate'
import { load } from 'js-yaml'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PYTHON = ['/usr/bin/python3', '/usr/local/bin/python3', '/root/.pyenv/shims/python3'].find((p) => existsSync(p))

/** Python's own parser on the generated code (syntax only). */
function assertPythonParses(source: string): void {
  if (!PYTHON) return
  execFileSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source })
}

async function previewedFile(page: Page): Promise<string> {
  return (await page.getByTestId('export.current-file').textContent())!.split(' · ')[0]
}

type CfnTemplate = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> }

function routeKeys(template: CfnTemplate): unknown[] {
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((r) => r.Properties?.RouteKey)
}

test.describe('export pane', () => {
  test('each target downloads the file it shows, with the design in it', async ({ exportPane, page }) => {
    await exportPane.open()

    await exportPane.choose('cfn-yaml')
    await expect(exportPane.preview).toHaveAttribute('data-language', 'yaml')
    let file = await exportPane.download()
    expect(file.download.suggestedFilename()).toBe(await previewedFile(page))
    expect(file.download.suggestedFilename()).toBe('mywsapi.template.yaml')
    const yaml = load(file.text) as CfnTemplate
    expect(Object.values(yaml.Resources).map((r) => r.Type)).toEqual(expect.arrayContaining(['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Integration', 'AWS::DynamoDB::Table']))
    expect(routeKeys(yaml)).toEqual(['$connect', '$default'])

    await exportPane.choose('cfn-json')
    await expect(exportPane.preview).toHaveAttribute('data-language', 'json')
    file = await exportPane.download()
    expect(file.download.suggestedFilename()).toBe('mywsapi.template.json')
    const json = JSON.parse(file.text) as CfnTemplate
    expect(routeKeys(json)).toEqual(['$connect', '$default'])
    // Same template in both formats.
    expect(json).toEqual(yaml)

    await exportPane.choose('cdk-ts')
    await expect(exportPane.preview).toHaveAttribute('data-language', 'typescript')
    file = await exportPane.download()
    expect(file.download.suggestedFilename()).toBe('mywsapi-snippet.ts')
    expect(file.text).toContain("new apigwv2.WebSocketApi(this, 'mywsapi')")
    expect(file.text).toContain("webSocketApi.addRoute('$connect', { integration: putItem })")
    expect(file.text).toContain('$context.requestId')

    await exportPane.choose('cdk-py')
    await expect(exportPane.preview).toHaveAttribute('data-language', 'python')
    file = await exportPane.download()
    expect(file.download.suggestedFilename()).toBe('mywsapi_snippet.py')
    expect(file.text).toContain('apigwv2.WebSocketApi(self, "mywsapi")')
    expect(file.text).toContain('web_socket_api.add_route("$connect", integration=put_item)')
    assertPythonParses(file.text)

    // The preview is a highlighted read-only Monaco editor showing the same text.
    await expect(exportPane.preview.locator('.monaco-editor')).toBeVisible()
    const lines = exportPane.preview.locator('.view-lines')
    await expect(lines).toContainText('from aws_cdk import (')
    // Highlighted: Python tokens get several distinct colour classes.
    const classes = await lines.locator('span[class^="mtk"]').evaluateAll((spans) => new Set(spans.map((s) => s.className)).size)
    expect(classes).toBeGreaterThanOrEqual(3)
    // Read-only: typing changes nothing.
    await lines.click()
    await page.keyboard.type('xyz')
    await expect(lines).not.toContainText('xyz')
  })

  test('a whole CDK Python project downloads as a zip', async ({ exportPane, page }) => {
    await exportPane.open()
    await exportPane.choose('cdk-py', 'project')
    await expect(page.getByTestId('export.files')).toContainText('app.py')
    await page.getByTestId('export.file.app.py').click()
    expect(await previewedFile(page)).toBe('app.py')
    const { download, bytes } = await exportPane.download()
    expect(download.suggestedFilename()).toBe('mywsapi-cdk-py.zip')
    const entries = unzipSync(new Uint8Array(bytes))
    expect(Object.keys(entries).sort()).toEqual(
      ['.gitignore', 'app.py', 'cdk.json', 'mywsapi/__init__.py', 'mywsapi/mywsapi_stack.py', 'requirements.txt'].map((p) => `mywsapi-cdk-py/${p}`).sort(),
    )
    const stack = strFromU8(entries['mywsapi-cdk-py/mywsapi/mywsapi_stack.py'])
    expect(stack).toContain('class ')
    expect(stack).toContain('WebSocketApi')
    assertPythonParses(stack)
    assertPythonParses(strFromU8(entries['mywsapi-cdk-py/app.py']))
    expect(JSON.parse(strFromU8(entries['mywsapi-cdk-py/cdk.json'])).app).toContain('app.py')
  })

  test('a CDK snippet can be narrowed to the selected route', async ({ canvas, exportPane, page }) => {
    await canvas.select('connect')
    await exportPane.open()
    await exportPane.choose('cdk-ts')
    await expect(page.getByTestId('export.scope.route')).not.toBeChecked()
    expect((await exportPane.download()).text).toContain("new apigwv2.WebSocketApi(this, 'mywsapi')")
    await page.getByTestId('export.scope.route').check()
    const { text } = await exportPane.download()
    expect(text).toContain('already has `webSocketApi`')
    expect(text).not.toContain('new apigwv2.WebSocketApi(')
    expect(text).toContain("webSocketApi.addRoute('$connect'")
    // CloudFormation exports always cover the whole API: no scope choice there.
    await exportPane.choose('cfn-yaml')
    await expect(page.getByTestId('export.scope.route')).toHaveCount(0)
  })

  test('copy puts the shown file on the clipboard', async ({ exportPane, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await exportPane.open()
    await exportPane.choose('cfn-json')
    await page.getByTestId('export.copy').click()
    await expect(page.getByTestId('export.notice')).toHaveText('Copied mywsapi.template.json to the clipboard.')
    const clipboard = await page.evaluate(() => navigator.clipboard.readText())
    const { text } = await exportPane.download()
    expect(clipboard).toBe(text)
  })

  test('a design with errors is refused with the errors listed, and can be exported anyway', async ({ api, exportPane, page }) => {
    const doc = await api.document()
    doc.design.stages.dev.name = 'dev stage!'
    await api.load(doc)
    await api.runChecks()
    await exportPane.open()
    await exportPane.choose('cdk-py')
    await expect(page.getByTestId('export.blocked')).toBeVisible()
    await expect(page.getByTestId('export.error').first()).toHaveAttribute('data-code', 'MDL019')
    await expect(page.getByTestId('export.error').first()).toContainText('dev stage!')
    await expect(page.getByTestId('export.download')).toBeDisabled()

    await page.getByTestId('export.force').click()
    await expect(page.getByTestId('export.forced')).toBeVisible()
    const { text } = await exportPane.download()
    expect(text).toContain('stage_name="dev stage!"')

    // Fixing the design removes the warning banner and the override.
    doc.design.stages.dev.name = 'dev'
    await api.load(doc)
    await api.runChecks()
    await exportPane.open()
    await expect(page.getByTestId('export.blocked')).toHaveCount(0)
    await expect(page.getByTestId('export.forced')).toHaveCount(0)
  })

  test('a broken mapping template also stops the export, with its location', async ({ api, exportPane, page }) => {
    const doc = await api.document()
    doc.design.integrations.putItem.requestTemplates!['application/json'] = '{\n  "id": "$context.requestId"\n}\n#if($x)'
    await api.load(doc)
    await exportPane.open()
    await exportPane.choose('cfn-yaml')
    const error = page.getByTestId('export.error').filter({ hasText: 'VTL001' })
    await expect(error).toBeVisible()
    await expect(error).toContainText('putItem.requestTemplates.application/json (line 4)')
    await page.getByTestId('export.force').click()
    const { text } = await exportPane.download()
    expect(text).toContain('#if($x)')
  })

  test('first-time path: change the template, see validation, export CDK Python — in well under a minute', async ({ app: page, canvas, vtlEditor, exportPane }) => {
    const started = Date.now()
    await canvas.select('putItem')
    await vtlEditor.open()
    await vtlEditor.ready()
    // Break the template, see the marker, fix it.
    await vtlEditor.typeAtEndOfLine(1, '#if($context.eventType == "CONNECT")')
    await expect(vtlEditor.problems.first()).toHaveAttribute('data-code', 'VTL001')
    await page.keyboard.type('#end')
    await vtlEditor.expectNoProblems()
    await vtlEditor.typeAtEndOfLine(1, '## stored by socket-studio')
    await vtlEditor.expectNoProblems()

    await exportPane.open()
    await exportPane.target('cdk-py').click()
    const { download, text } = await exportPane.download()
    const elapsed = Date.now() - started
    console.log(`edit → validation → CDK Python download took ${elapsed} ms`)
    expect(download.suggestedFilename()).toBe('mywsapi_snippet.py')
    expect(text).toContain('## stored by socket-studio')
    assertPythonParses(text)
    expect(elapsed).toBeLessThan(60_000)
  })
})
