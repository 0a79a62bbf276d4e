import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODEL_CODES } from '../model/checks/codes'
import { VTL_CODES } from '../vtl/codes'
import { EXPORT_CODES } from '../export/codes'
import { IMPORT_CODES, type CodeDoc } from '../import/codes'
import { APP_CODES } from '../store/codes'
import { SEVERITY_REASONS } from './severityReasons'

const DOC = resolve(__dirname, '../../docs/diagnostics.md')

function rows(codes: Record<string, { severity: string; title: string }>): string[] {
  return Object.entries(codes).map(([code, { severity, title }]) => `| \`${code}\` | ${severity} | ${title} | ${SEVERITY_REASONS[code] ?? ''} |`)
}

function docRows(codes: Record<string, CodeDoc>): string[] {
  return Object.entries(codes).map(([code, { severity, title, why }]) => `| \`${code}\` | ${severity} | ${title} | ${why} |`)
}

/** Every `IMP…`, `EXP…` and `APP…` code a source file (not a test, not a corpus fixture) writes as a literal. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) {
        if (!name.startsWith('__')) walk(path)
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/codes\.ts$/.test(name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/'((?:IMP|EXP|APP)\d{3})'/g)) found.set(m[1], path)
      }
    }
  }
  walk(resolve(__dirname, '..'))
  return found
}

function render(): string {
  return [
    '# Diagnostics of the check pipeline',
    '',
    'Generated from `src/model/checks/codes.ts`, `src/vtl/codes.ts`, `src/checks/severityReasons.ts`,',
    '`src/import/codes.ts`, `src/export/codes.ts` and `src/store/codes.ts` by `src/checks/docs.test.ts` (run with',
    '`UPDATE_DOCS=1` to rewrite). Codes are stable.',
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
    '## Import',
    '',
    'An import error means nothing is imported and the open design is untouched. A warning means the import went',
    'ahead, and names what it left out or kept as written: nothing is dropped without a word.',
    '',
    '| Code | Severity | Rule | Why this severity |',
    '|---|---|---|---|',
    ...docRows(IMPORT_CODES),
    '',
    '## Export',
    '',
    'Export runs the check pipeline first; these are what the exporters add. Errors stop `export` unless `--force`.',
    'Retired: `EXP002`, `EXP009`.',
    '',
    '| Code | Severity | Rule | Why this severity |',
    '|---|---|---|---|',
    ...docRows(EXPORT_CODES),
    '',
    '## Designer',
    '',
    '| Code | Severity | Rule | Why this severity |',
    '|---|---|---|---|',
    ...docRows(APP_CODES),
    '',
  ].join('\n')
}

describe('docs/diagnostics.md', () => {
  it('every model and template code has a sentence saying why it has its severity, and no reason is left over', () => {
    const codes = [...Object.keys(MODEL_CODES), ...Object.keys(VTL_CODES)]
    expect(codes.filter((c) => !SEVERITY_REASONS[c])).toEqual([])
    expect(Object.keys(SEVERITY_REASONS).filter((c) => !codes.includes(c))).toEqual([])
  })

  it('documents every import, export and designer code the source writes, and lists none it does not', () => {
    const used = codesInSource()
    const documented = { ...IMPORT_CODES, ...EXPORT_CODES, ...APP_CODES }
    expect([...used].filter(([code]) => !documented[code]).map(([code, file]) => `${code} (${file})`)).toEqual([])
    expect(Object.keys(documented).filter((code) => !used.has(code))).toEqual([])
    expect(used.size).toBeGreaterThan(30)
  })

  it('lists every code exactly as the code tables say', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, render())
    expect(readFileSync(DOC, 'utf8')).toBe(render())
  })
})
