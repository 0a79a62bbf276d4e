import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODEL_CODES } from '../model/checks/codes'
import { VTL_CODES } from '../vtl/codes'
import { SEVERITY_REASONS } from './severityReasons'

const DOC = resolve(__dirname, '../../docs/diagnostics.md')

function rows(codes: Record<string, { severity: string; title: string }>): string[] {
  return Object.entries(codes).map(([code, { severity, title }]) => `| \`${code}\` | ${severity} | ${title} | ${SEVERITY_REASONS[code] ?? ''} |`)
}

function render(): string {
  return [
    '# Diagnostics of the check pipeline',
    '',
    'Generated from `src/model/checks/codes.ts`, `src/vtl/codes.ts` and `src/checks/severityReasons.ts` by',
    '`src/checks/docs.test.ts` (run with `UPDATE_DOCS=1` to rewrite). Codes are stable.',
    '',
    '`checkDesign(doc)` (src/checks) is the one check pipeline: the model checks plus every request and integration',
    'response template. `validate`, the `export` gate, `serve`, the Problems panel and node badges all use it. The CLI',
    'prints each diagnostic as `file:line:col severity CODE message [entity.field]`, template diagnostics at their line',
    'and column in the design file.',
    '',
    'What a severity means:',
    '- **error**: AWS or CloudFormation rejects it, or the deploy fails. For a mapping template: every message through',
    '  it fails (API Gateway stores templates without parsing them, so a broken template deploys and then fails each',
    '  call). Errors stop `export` unless `--force`.',
    '- **warning**: it deploys, but probably does not behave as meant. Never blocks.',
    '- **info**: worth knowing; nothing is wrong.',
    '',
    'Retired codes: `MDL018` (template over 300 KB; now `VTL006` only) and `VTL023` (unescaped `$default` template',
    'selection expression; now `MDL009` only), so each rule has one owner.',
    '',
    '## Model checks',
    '',
    '| Code | Severity | Rule | Why this severity |',
    '|---|---|---|---|',
    ...rows(MODEL_CODES),
    '',
    '## Mapping templates',
    '',
    '| Code | Severity | Rule | Why this severity |',
    '|---|---|---|---|',
    ...rows(VTL_CODES),
    '',
  ].join('\n')
}

describe('docs/diagnostics.md', () => {
  it('every model and template code has a sentence saying why it has its severity, and no reason is left over', () => {
    const codes = [...Object.keys(MODEL_CODES), ...Object.keys(VTL_CODES)]
    expect(codes.filter((c) => !SEVERITY_REASONS[c])).toEqual([])
    expect(Object.keys(SEVERITY_REASONS).filter((c) => !codes.includes(c))).toEqual([])
  })

  it('lists every code exactly as the code tables say', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, render())
    expect(readFileSync(DOC, 'utf8')).toBe(render())
  })
})
