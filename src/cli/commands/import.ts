import { parseArgs, readText, UsageError, type Command } from '../command'
import { formatDiagnostic } from './validate'

export const importCommand: Command = {
  name: 'import',
  usage: 'import <template.json|template.yaml> [--api <logicalId>] [-o <design-file>] [--force]',
  summary: 'CloudFormation template → design (YAML) on stdout or -o; warnings on stderr; exit 1 if it cannot be imported, 2 if unreadable',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['api', 'out'], switches: ['force'], aliases: { '-o': '--out' } })
    const file = positional[0]
    if (!file || positional.length > 1) throw new UsageError('import takes exactly one template file')
    const input = readText(io, file)
    if (!input.ok) return 2
    const text = input.text
    const out = typeof flags.out === 'string' ? flags.out : undefined
    // What is wrong with the input comes first; the overwrite refusal only when there is something to write.
    const [{ importTemplate }, { serializeDocument }] = await Promise.all([import('../../import'), import('../../model/document/serialize')])
    const result = await importTemplate(text, { api: typeof flags.api === 'string' ? flags.api : undefined })
    if (!result.ok) {
      for (const d of result.errors) io.stderr(`${formatDiagnostic(file, d)}\n`)
      if (result.apiChoices?.length) {
        io.stderr(`WebSocket APIs in ${file}:\n`)
        for (const a of result.apiChoices) io.stderr(`  --api ${a.logicalId}${a.name ? `  (${a.name}, ${a.routes} routes)` : ''}\n`)
      }
      return 1
    }
    for (const d of result.diagnostics.filter((x) => x.severity !== 'info')) io.stderr(`${formatDiagnostic(file, d)}\n`)
    const s = result.summary
    io.stderr(
      `imported ${result.apiLogicalId}: ${s.imported.length} resources modelled, ${s.generated.length} recognised as generated, ${s.verbatim.length} kept verbatim, ${s.skipped.length} skipped\n`,
    )
    if (out && io.exists(out) && !flags.force) {
      io.stderr(`${out} exists; pass --force to overwrite\n`)
      return 1
    }
    const yaml = serializeDocument(result.document)
    if (!out) {
      io.stdout(yaml)
      return 0
    }
    io.writeFile(out, yaml)
    io.stderr(`wrote ${out}\n`)
    return 0
  },
}
