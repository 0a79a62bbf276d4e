import { parseArgs, readText, UsageError, type Command } from '../command'
import type { Diagnostic } from '../../model/diagnostics'
import { phase } from '../phases'

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const line = d.range?.line ?? 1
  const col = d.range?.column ?? 1
  const where = d.entity ? ` [${d.entity}${d.field ? `.${d.field}` : ''}]` : ''
  return `${file}:${line}:${col} ${d.severity} ${d.code} ${d.message}${where}`
}

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate <design>',
  summary: 'check a design file; prints file:line:col severity CODE message; exit 1 on errors, 2 if unreadable',
  async run(args, io) {
    const { positional } = parseArgs(args, {})
    const file = positional[0]
    if (!file || positional.length > 1) throw new UsageError('validate takes exactly one design file')
    const input = readText(io, file)
    if (!input.ok) return 2
    const text = input.text
    phase('read')
    const [{ parseDocument }, { checkDesign, locateInFile }, { sortDiagnostics }] = await Promise.all([
      import('../../model/document/parse'),
      import('../../checks'),
      import('../../model/diagnostics'),
    ])
    phase('loaded')
    const parsed = parseDocument(text)
    phase('parsed')
    if (!parsed.ok) {
      for (const d of parsed.errors) io.stdout(`${formatDiagnostic(file, d)}\n`)
      return 1
    }
    const found = checkDesign(parsed.document)
    phase('checked')
    const diagnostics = sortDiagnostics(locateInFile([...parsed.warnings, ...found], parsed.source))
    phase('located')
    for (const d of diagnostics) io.stdout(`${formatDiagnostic(file, d)}\n`)
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0
  },
}
