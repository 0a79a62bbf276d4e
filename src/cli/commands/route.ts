/**
 * `route <design> --message <file> [--route <routeKey>] [--json]`
 * Prints, one per line: `route: <key>`, `template: <key>` (or `template: (passthrough)` / `(rejected)` /
 * `(none)`), then `request:` and the integration request body exactly as rendered. Diagnostics for the
 * selected template (and a route that goes nowhere) go to stderr as `FILE:LINE:COL SEVERITY CODE message`, located
 * in the design file as `validate` locates them. `--json` prints the whole testMessage result instead (its ranges
 * are inside the template). Exit 1 when no route matches or the template has errors, 2 for unreadable input.
 */

import { parseArgs, readText, UsageError, type Command } from '../command'
import { phase } from '../phases'
import { formatTemplateDiagnostic } from './validateTemplate'

export const routeCommand: Command = {
  name: 'route',
  usage: 'route <design> --message <file>',
  summary: 'send a message through a design: prints the selected route key, template key and rendered integration request',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['message', 'route'], switches: ['json'] })
    if (positional.length !== 1) throw new UsageError('route takes exactly one design file')
    if (typeof flags.message !== 'string') throw new UsageError('route needs --message <file>')
    const designText = readText(io, positional[0])
    if (!designText.ok) return 2
    const message = readText(io, flags.message)
    if (!message.ok) return 2
    const [{ parseDocument }, { testMessage }, { locateInFile }] = await Promise.all([
      import('../../model/document/parse'),
      import('../../vtl/testMessage'),
      import('../../checks/locateInFile'),
    ])
    phase('loaded')
    const parsed = parseDocument(designText.text)
    phase('parsed')
    if (!parsed.ok) {
      for (const d of parsed.errors) io.stderr(`${positional[0]}:${formatTemplateDiagnostic(d)}\n`)
      return 2
    }
    const result = testMessage(parsed.document.design, {
      message: message.text,
      routeKey: typeof flags.route === 'string' ? flags.route : undefined,
    })
    phase('routed+rendered')
    if (flags.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`)
    else {
      if (result.route) io.stdout(`route: ${result.route.key}\n`)
      const t = result.template
      if (t) io.stdout(`template: ${t.kind === 'template' ? t.key : `(${t.kind})`}\n`)
      if (result.request) io.stdout(`request:\n${result.request.body}\n`)
    }
    // Located only when there is something to print: a clean call never builds the source map.
    if (result.diagnostics.length) for (const d of locateInFile(result.diagnostics, parsed.source)) io.stderr(`${positional[0]}:${formatTemplateDiagnostic(d)}\n`)
    return !result.route || result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0
  },
}
