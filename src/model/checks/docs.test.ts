import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODEL_CODES } from './codes'

const DOC = resolve(__dirname, '../../../docs/diagnostics.md')

function render(): string {
  const rows = Object.entries(MODEL_CODES).map(([code, { severity, title }]) => `| \`${code}\` | ${severity} | ${title} |`)
  return [
    '# Model diagnostics',
    '',
    'Generated from `src/model/checks/codes.ts` by `docs.test.ts` (run with `UPDATE_DOCS=1` to rewrite).',
    '`checkDocument(doc)` reports these API Gateway rules, none of which CDK checks at synth time. Codes are stable.',
    'The CLI prints them as `file:line:col severity CODE message [entity.field]`.',
    '',
    '| Code | Severity | Rule |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

describe('docs/diagnostics.md', () => {
  it('lists every model code exactly as the code table says', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, render())
    expect(readFileSync(DOC, 'utf8')).toBe(render())
  })
})
