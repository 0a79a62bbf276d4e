import { parseArgs, readText, UsageError, type Command } from '../command'
import { phase } from '../phases'
import { formatDiagnostic } from './validate'

export const importCommand: Command = {
  name: 'import',
  usage: 'import <template.json|template.yaml|api.asyncapi.yaml> [--api <logicalId>] [-o <design-file>] [--force]',
  summary: 'CloudFormation template or AsyncAPI document → design (YAML) on stdout or -o; warnings on stderr; exit 1 if it cannot be imported, 2 if unreadable',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['api', 'out'], switches: ['force'], aliases: { '-o': '--out' } })
    const file = positional[0]
    if (!file || positional.length > 1) throw new UsageError('import takes exactly one template file')
    const input = readText(io, file)
    if (!input.ok) return 2
    const text = input.text
    phase('read')
    const out = typeof flags.out === 'string' ? flags.out : undefined
    const write = (yaml: string): number => {
      if (out && io.exists(out) && !flags.force) {
        io.stderr(`${out} exists; pass --force to overwrite\n`)
        return 1
      }
      if (!out) {
        io.stdout(yaml)
        return 0
      }
      io.writeFile(out, yaml)
      io.stderr(`wrote ${out}\n`)
      return 0
    }
    // What is wrong with the input comes first; the overwrite refusal only when there is something to write.
    const { looksLikeAsyncApi } = await import('../../asyncapi/detect')
    if (looksLikeAsyncApi(text)) {
      const [{ importAsyncApiText }, { serializeDocument }] = await Promise.all([import('../../asyncapi/importText'), import('../../model/document/serialize')])
      const r = await importAsyncApiText(text)
      if (!r.ok) {
        for (const d of r.errors) io.stderr(`${formatDiagnostic(file, d)}\n`)
        return 1
      }
      for (const d of r.diagnostics.filter((x) => x.severity !== 'info')) io.stderr(`${formatDiagnostic(file, d)}\n`)
      const d = r.document.design
      io.stderr(
        `imported AsyncAPI ${d.api.name}: ${Object.keys(d.routes).length} routes, ${Object.keys(d.models).length} models, ${Object.keys(d.stages).length} stages, ${Object.keys(d.messages).length} server messages\n`,
      )
      return write(serializeDocument(r.document))
    }
    const [{ importTemplate }, { serializeDocument }] = await Promise.all([import('../../import'), import('../../model/document/serialize')])
    phase('loaded')
    const result = await importTemplate(text, { api: typeof flags.api === 'string' ? flags.api : undefined })
    if (!result.ok) {
      for (const d of result.errors) io.stderr(`${formatDiagnostic(file, d)}\n`)
      if (result.apiChoices?.length) {
        io.stderr(`WebSocket APIs in ${file}:\n`)
        for (const a of result.apiChoices) io.stderr(`  --api ${a.logicalId}${a.name ? `  (${a.name}, ${a.routes} routes)` : ''}\n`)
      }
      return 1
    }
    phase('imported+laid out')
    for (const d of result.diagnostics.filter((x) => x.severity !== 'info')) io.stderr(`${formatDiagnostic(file, d)}\n`)
    const s = result.summary
    io.stderr(
      `imported ${result.apiLogicalId}: ${s.imported.length} resources modelled, ${s.generated.length} recognised as generated, ${s.verbatim.length} kept verbatim, ${s.skipped.length} skipped\n`,
    )
    const yaml = serializeDocument(result.document)
    phase('serialized')
    const code = write(yaml)
    phase('written')
    return code
  },
}
