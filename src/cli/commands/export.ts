/**
 * `export <design> --target <cfn-yaml|cfn-json|cdk-ts|cdk-py|asyncapi> [--format yaml|json] [--snippet] [--route <id>] [-o <dir>] [--force]`
 * Without -o: prints the main file (the stack file, or the template; the snippet with --snippet).
 * With -o: writes every file (the whole CDK project). A design with errors is refused with its
 * diagnostics (exit 1) unless --force; an unreadable file or bad usage exits 2.
 */

import { join } from 'node:path'
import { parseArgs, readText, UsageError, type Command } from '../command'
import type { ExportTargetId } from '../../export'
import { phase } from '../phases'
import { formatDiagnostic } from './validate'

export const exportCommand: Command = {
  name: 'export',
  usage: 'export <design> --target <cfn-yaml|cfn-json|cdk-ts|cdk-py|asyncapi> [--format yaml|json] [--snippet] [--route <id>] [-o <dir>] [--force]',
  summary: 'export to CloudFormation, CDK or AsyncAPI 3; prints the main file, or writes the whole project with -o; exit 1 on design errors',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['target', 'o', 'out', 'route', 'format'], switches: ['snippet', 'force'], aliases: { '-o': '--o' } })
    const file = positional[0]
    if (!file || positional.length > 1) throw new UsageError('export takes exactly one design file')
    const [{ exportDesign, EXPORT_TARGETS }, { parseDocument }, { sortDiagnostics }] = await Promise.all([
      import('../../export'),
      import('../../model/document/parse'),
      import('../../model/diagnostics'),
    ])
    const TARGET_IDS = EXPORT_TARGETS.map((t) => t.id)
    const target = flags.target
    if (typeof target !== 'string' || !TARGET_IDS.includes(target as ExportTargetId)) throw new UsageError(`--target must be one of ${TARGET_IDS.join(', ')}`)
    const outDir = typeof flags.o === 'string' ? flags.o : typeof flags.out === 'string' ? flags.out : undefined
    const routeId = typeof flags.route === 'string' ? flags.route : undefined
    const format = flags.format
    if (format !== undefined && (target !== 'asyncapi' || (format !== 'yaml' && format !== 'json'))) throw new UsageError('--format yaml|json goes only with --target asyncapi')

    phase('loaded')
    const input = readText(io, file)
    if (!input.ok) return 2
    const text = input.text
    phase('read')
    const parsed = parseDocument(text)
    phase('parsed')
    if (!parsed.ok) {
      for (const d of parsed.errors) io.stderr(`${formatDiagnostic(file, d)}\n`)
      return 1
    }
    const snippet = flags.snippet === true || routeId !== undefined
    const result = exportDesign(parsed.document, {
      target: target as ExportTargetId,
      shape: snippet ? 'snippet' : 'project',
      routeId,
      force: flags.force === true,
      ...(format === 'yaml' || format === 'json' ? { format } : {}),
    })
    phase('checked+exported')
    const diagnostics = sortDiagnostics(parsed.source.attachRanges([...parsed.warnings, ...result.diagnostics]))
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(file, d)}\n`)
    phase('located')
    if (!result.ok) {
      io.stderr(`${file}: not exported${flags.force === true ? '' : ' (fix the errors above, or pass --force to export anyway)'}\n`)
      return 1
    }
    if (outDir === undefined) {
      const main = result.files.find((f) => f.path === result.mainFile)!
      io.stdout(main.contents)
      phase('written')
      return 0
    }
    io.mkdirp(outDir)
    for (const f of result.files) io.writeFile(join(outDir, f.path), f.contents)
    io.stderr(`wrote ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${outDir}\n`)
    return 0
  },
}
