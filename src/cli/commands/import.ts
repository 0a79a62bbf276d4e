import { dirname, join, relative, resolve, sep } from 'node:path'
import { parseArgs, readText, UsageError, type CliIo, type Command } from '../command'
import type { DesignDocument } from '../../model/types'
import { phase } from '../phases'
import { formatDiagnostic } from './validate'

export const importCommand: Command = {
  name: 'import',
  usage: 'import <template.json|template.yaml|cdk.out|api.asyncapi.yaml> [--api <logicalId>] [-o <design-file>] [--force]',
  summary: 'CloudFormation template (or a cdk.out folder) or AsyncAPI document → design (YAML) on stdout or -o; warnings on stderr; exit 1 if it cannot be imported, 2 if unreadable',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['api', 'out'], switches: ['force'], aliases: { '-o': '--out' } })
    if (!positional[0] || positional.length > 1) throw new UsageError('import takes exactly one template file or cdk.out folder')
    const file = templateIn(io, positional[0])
    if (file === undefined) return 2
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
    rebaseCodeAssets(io, result.document, file, out)
    const yaml = serializeDocument(result.document)
    phase('serialized')
    const code = write(yaml)
    phase('written')
    return code
  },
}

/**
 * The template to read: the file itself, or in a cdk.out folder the one `*.template.json` that holds a WebSocket
 * API (a folder with several says which, and stops with exit 2).
 */
function templateIn(io: CliIo, path: string): string | undefined {
  const names = io.listDir(path)
  if (!names) return path
  const templates = names.filter((n) => n.endsWith('.template.json'))
  const webSocket = templates.filter((n) => {
    try {
      return /"ProtocolType"\s*:\s*"WEBSOCKET"/.test(io.readFile(join(path, n)))
    } catch {
      return false
    }
  })
  if (webSocket.length === 1) return join(path, webSocket[0])
  io.stderr(
    webSocket.length
      ? `${path} holds ${webSocket.length} templates with a WebSocket API (${webSocket.join(', ')}); import one of them by its path\n`
      : `${path} is a folder with no *.template.json that holds a WebSocket API${templates.length ? ` (found ${templates.join(', ')})` : ''}\n`,
  )
  return undefined
}

/**
 * Asset code paths come from the template relative to its cdk.out folder; the design keeps them relative to the
 * design file (or the working directory when it goes to stdout), so `serve` and the CDK export find the code.
 */
function rebaseCodeAssets(io: CliIo, doc: DesignDocument, template: string, out: string | undefined): void {
  const from = resolve(io.cwd, dirname(template))
  const to = resolve(io.cwd, out ? dirname(out) : '.')
  for (const [id, r] of Object.entries(doc.design.resources)) {
    if (r.type !== 'lambda-function' || r.codeAsset === undefined) continue
    const folder = resolve(from, r.codeAsset)
    r.codeAsset = relative(to, folder).split(sep).join('/') || '.'
    if (!io.listDir(folder)) io.stderr(`${id}: its code asset folder ${r.codeAsset} is not there (import the cdk.out folder the template came from)\n`)
    else io.stderr(`${id}: code from the asset folder ${r.codeAsset}\n`)
  }
}
