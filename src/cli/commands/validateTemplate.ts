/**
 * `validate-template <template-file> [--route <routeKey>] [--content-type <type>] [--service <svc>]
 *  [--integration-type <type>] [--sample <file>] [--form]`
 * One diagnostic per line: `LINE:COL SEVERITY CODE message`; exit 1 if any error, 2 if unreadable.
 */

import { parseArgs, readText, UsageError, type Command } from '../command'
import type { Diagnostic } from '../../model/diagnostics'

export function formatTemplateDiagnostic(d: Diagnostic): string {
  return `${d.range?.line ?? 1}:${d.range?.column ?? 1} ${d.severity} ${d.code} ${d.message.replace(/\s*\n\s*/g, ' ')}`
}

export const validateTemplateCommand: Command = {
  name: 'validate-template',
  usage: 'validate-template <template-file> [--route <routeKey>] [--content-type <type>]',
  summary: 'check a VTL mapping template; prints LINE:COL SEVERITY CODE message per problem; exit 1 on errors',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, {
      values: ['route', 'content-type', 'service', 'integration-type', 'sample'],
      switches: ['form'],
    })
    if (positional.length !== 1) throw new UsageError('validate-template takes exactly one template file')
    const template = readText(io, positional[0])
    if (!template.ok) return 2
    let sampleMessage: string | undefined
    if (typeof flags.sample === 'string') {
      const r = readText(io, flags.sample)
      if (!r.ok) return 2
      sampleMessage = r.text
    }
    const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
    const { validateTemplate } = await import('../../vtl/validate')
    const diagnostics = validateTemplate(template.text, {
      routeKey: str('route'),
      contentType: str('content-type'),
      service: str('service'),
      integrationType: str('integration-type'),
      formEncoded: flags.form === true ? true : undefined,
      sampleMessage,
    })
    for (const d of diagnostics) io.stdout(`${formatTemplateDiagnostic(d)}\n`)
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0
  },
}
