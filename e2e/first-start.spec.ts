import { expect, test } from './fixtures'

// The first-start story: someone who has never seen the tool changes the template, sees validation, and
// exports CDK Python, within a minute.
test('first start: edit the seed template, see validation, export CDK Python', async ({ app, api, canvas, vtlEditor, exportPane, problems }) => {
  test.setTimeout(60_000)
  const started = Date.now()
  await expect(canvas.nodeTitle('connect')).toHaveText('$connect')
  await canvas.select('putItem')
  await vtlEditor.open()
  await vtlEditor.ready()

  // A broken template: the editor flags it.
  await vtlEditor.setText('{"TableName":"@{table.name}","Item":{"id":{"S":"$context.requestId"}}}\n#if($context.eventType == "CONNECT")')
  await expect(vtlEditor.problems.first()).toBeVisible({ timeout: 15_000 })
  // Fixed again: no problems.
  await vtlEditor.setText('{"TableName":"@{table.name}","Item":{"id":{"S":"$context.requestId"},"at":{"N":"$context.requestTimeEpoch"}}}')
  await vtlEditor.expectNoProblems()
  await problems.open()
  await expect(problems.summary).toBeVisible()

  await exportPane.open()
  await exportPane.choose('cdk-py')
  // The preview shows the top of the generated Python (Monaco renders the visible lines only).
  await expect(exportPane.preview).toContainText('WebSocketAwsIntegration', { timeout: 15_000 })
  await expect(exportPane.preview).toHaveAttribute('data-file', /\.py$/)
  // The edited template is what gets exported.
  expect(Object.values((await api.document()).design.integrations.putItem.requestTemplates!).join('')).toContain('requestTimeEpoch')
  const { text } = await exportPane.download()
  expect(text).toContain('requestTimeEpoch')
  expect(Date.now() - started).toBeLessThan(60_000)
  await expect(app.getByTestId('notice.error')).toHaveCount(0)
})
