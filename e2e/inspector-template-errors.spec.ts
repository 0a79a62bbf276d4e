/**
 * Issue 12 item 5 on the production build at 1440×900: a JSON error in a request template that holds an
 * `@{table.name}` placeholder (as the seed and every preset do) is marked on the line it is on, not a line later:
 * positions found in the rendered output map back through the placeholder substitution.
 */
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1440, height: 900 } })

test('"Bad": , on line 3 of the seed template is marked on line 3, in the editor and in the checks', async ({ api, canvas, inspector, vtlEditor }) => {
  await canvas.select('putItem')
  await inspector.field('integration', 'requestTemplates.row.0.edit').click()
  await vtlEditor.ready()
  const template = ['{', '  "TableName": "@{table.name}",', '  "Bad": ,', '  "Item": {"id": {"S": "$context.requestId"}}', '}'].join('\n')
  await vtlEditor.setText(template)
  const marker = vtlEditor.problems.and(vtlEditor.page.locator('[data-code="VTL012"]'))
  await expect(marker).toHaveCount(1)
  await expect(marker).toHaveAttribute('data-line', '3')
  // The one check pipeline (Problems panel, badges) says the same.
  await expect.poll(async () => (await api.runChecks()).filter((d) => d.code === 'VTL012').length).toBe(1)
  const [diagnostic] = (await api.runChecks()).filter((d) => d.code === 'VTL012')
  // Ranges of template diagnostics are relative to the template text (src/checks/templateChecks.ts).
  expect(diagnostic.range?.line).toBe(3)
})
