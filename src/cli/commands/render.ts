/**
 * `render <template-file> [--body <file>] [--context <json-file>] [--stage-variables <json-file>]
 *  [--params <json-file>] [--route <routeKey>]`
 * Prints the rendered output exactly (no newline added), exit 0. A template error prints `LINE:COL message`
 * on stderr, exit 1. Unreadable files or bad JSON in option files: exit 2. Context keys missing from the file
 * get realistic sample values (see src/vtl/context.ts).
 */

import { parseArgs, readText, UsageError, type CliIo, type Command } from '../command'
import { phase } from '../phases'
import type { RequestParams } from '../../vtl'


export function readJsonObject(io: CliIo, file: string): { ok: true; value: Record<string, unknown> } | { ok: false } {
  const r = readText(io, file)
  if (!r.ok) return r
  try {
    const value: unknown = JSON.parse(r.text)
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object')
    return { ok: true, value: value as Record<string, unknown> }
  } catch (e) {
    io.stderr(`${file}: not a JSON object: ${e instanceof Error ? e.message : String(e)}\n`)
    return { ok: false }
  }
}

export const renderCommand: Command = {
  name: 'render',
  usage: 'render <template-file> [--body <file>] [--context <json-file>] [--stage-variables <json-file>]',
  summary: 'render a VTL mapping template the way API Gateway does; prints the output exactly; exit 1 with LINE:COL message on a template error',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['body', 'context', 'stage-variables', 'params', 'route'] })
    if (positional.length !== 1) throw new UsageError('render takes exactly one template file')
    const template = readText(io, positional[0])
    if (!template.ok) return 2
    let body: string | undefined
    if (typeof flags.body === 'string') {
      const r = readText(io, flags.body)
      if (!r.ok) return 2
      body = r.text
    }
    const json = (name: string) => (typeof flags[name] === 'string' ? readJsonObject(io, flags[name] as string) : undefined)
    const context = json('context')
    const stageVariables = json('stage-variables')
    const params = json('params')
    if (context?.ok === false || stageVariables?.ok === false || params?.ok === false) return 2
    phase('read')
    const { renderTemplate } = await import('../../vtl/render')
    phase('loaded')
    const result = renderTemplate(template.text, {
      body,
      context: context?.value,
      stageVariables: stageVariables ? Object.fromEntries(Object.entries(stageVariables.value).map(([k, v]) => [k, String(v)])) : undefined,
      params: params?.value as RequestParams | undefined,
      routeKey: typeof flags.route === 'string' ? flags.route : undefined,
    })
    phase('rendered')
    if (!result.ok) {
      const r = result.error.range
      io.stderr(`${r?.line ?? 1}:${r?.column ?? 1} ${result.error.message}\n`)
      return 1
    }
    io.stdout(result.output)
    phase('written')
    return 0
  },
}
