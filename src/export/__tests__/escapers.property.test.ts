/**
 * Property tests for the escapers: arbitrary strings (any UTF-16, including lone surrogates, U+2028,
 * astral characters, quotes, backslashes, `${`, `{`, newlines) survive a round trip through the real
 * parsers: the TypeScript compiler's parser, CPython's `ast.literal_eval` / f-string evaluation,
 * js-yaml and JSON.
 */

import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { JSON_SCHEMA, load } from 'js-yaml'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { pyFStringPart, pyQuote, pyString } from '../cdkPy/escape'
import { tsString, tsTemplatePart } from '../cdkTs/escape'
import { cfnValue } from '../ir/cfnValue'
import { toYaml } from '../cfn/yaml'
import type { Json } from '../../model/types'
import { normalizeValue } from './templateCompare'

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('"', "'", '\\', '$', '{', '}', '`', '\n', '\r', '\u2028', '\u2029', '\u0000', '\u007f', '\u0085', '😀', '\ud800', '\udfff', 'a', ' '), maxLength: 30 }),
)
const RUNS = 300

/** The string value of the first expression in `source`, read by the TypeScript parser. */
function tsLiteralValue(source: string): string {
  const file = ts.createSourceFile('x.ts', `const x = ${source}`, ts.ScriptTarget.ES2022, true)
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics
  if (diagnostics.length) throw new Error(`parse error in ${source}: ${diagnostics.map((d) => d.messageText).join('; ')}`)
  const statement = file.statements[0] as ts.VariableStatement
  const init = statement.declarationList.declarations[0].initializer!
  if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) return init.text
  throw new Error(`not a literal: ${source}`)
}

describe('TypeScript escaping', () => {
  it('string literals read back identically', () => {
    fc.assert(fc.property(anyString, (s) => tsLiteralValue(tsString(s)) === s), { numRuns: RUNS })
  })

  it('template-literal parts read back identically (with and without real line breaks)', () => {
    fc.assert(
      fc.property(anyString, fc.boolean(), (s, keepNewlines) => {
        // The TS parser normalises raw CR/CRLF in templates; tsTemplatePart always escapes CR, so only LF can be raw.
        return tsLiteralValue(`\`${tsTemplatePart(s, keepNewlines)}\``) === s
      }),
      { numRuns: RUNS },
    )
  })

  it('a part followed by an interpolation stays a literal part', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const file = ts.createSourceFile('x.ts', `const x = \`${tsTemplatePart(s)}\${y}\``, ts.ScriptTarget.ES2022, true)
        const init = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0].initializer!
        return ts.isTemplateExpression(init) && init.head.text === s && init.templateSpans.length === 1
      }),
      { numRuns: RUNS },
    )
  })
})

const python = spawnSync('python3', ['--version']).status === 0
if (!python) console.warn('python3 not found: Python escaping round trips skipped')

/** Evaluates Python expressions in one process; each must be a str; returns their values. */
function pythonValues(expressions: string[]): string[] {
  const program = [
    'import ast, json, sys',
    'exprs = json.loads(sys.stdin.read())',
    'out = []',
    'for e in exprs:',
    '    tree = ast.parse(e, mode="eval")',
    '    value = eval(compile(tree, "<expr>", "eval"), {"__builtins__": {}}, {"y": "<y>"})',
    '    out.append([ord(c) for c in value])',
    'print(json.dumps(out))',
  ].join('\n')
  const r = spawnSync('python3', ['-c', program], { input: JSON.stringify(expressions), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(r.stderr)
  // Code points, so lone surrogates survive the trip back (Python keeps them as code points).
  return (JSON.parse(r.stdout) as number[][]).map((points) => points.map((p) => String.fromCharCode(...(p > 0xffff ? [0xd800 + ((p - 0x10000) >> 10), 0xdc00 + ((p - 0x10000) & 0x3ff)] : [p]))).join(''))
}

describe.runIf(python)('Python escaping (CPython ast + eval)', () => {
  it('string literals and f-string parts read back identically', () => {
    const samples = fc.sample(anyString, 400)
    samples.push('"""', "'''", '\\', '{x}', '\u2028', '😀', '\ud800', 'a"b\'c')
    const expressions: string[] = []
    for (const s of samples) {
      expressions.push(pyString(s))
      const q = pyQuote(s)
      // An f-string with a real placeholder between two literal parts.
      expressions.push(`f${q}${pyFStringPart(s, q)}{y}${pyFStringPart(s, q)}${q}`)
    }
    const values = pythonValues(expressions)
    samples.forEach((s, i) => {
      expect(values[2 * i]).toBe(s)
      expect(values[2 * i + 1]).toBe(`${s}<y>${s}`)
    })
  }, 60_000)
})

describe('YAML and JSON round trips', () => {
  it('the template YAML printer output loads back identically with js-yaml (strings as keys, values, list items)', () => {
    const yamlish = fc.string({ unit: fc.constantFrom('"', "'", '\\', '$', '{', ':', '#', '-', '?', '|', '>', '%', '@', '`', '\n', '\t', '\r', '\u2028', '\u0085', '\u007f', '😀', 'y', 'n', '0', '1', '.', 'e', ' ', '&', '*', '!', 'a'), maxLength: 20 })
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), yamlish, anyString), fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), (s, scalar) => {
        const doc: { [k: string]: Json } = { Resources: { R: { Properties: { Value: s, [s || 'k']: [s, scalar, [s], { [s || 'k']: s }], Other: { 'Fn::Sub': s }, Empty: [], None: {} } } } }
        return JSON.stringify(load(toYaml(doc), { schema: JSON_SCHEMA })) === JSON.stringify(doc)
      }),
      // Found by this property: a literal block starting with a line break lost the next line's spaces.
      { numRuns: 1000, examples: [['\n ', false], ['\n  x\ny', null]] },
    )
  })

  it('JSON.stringify/parse round-trips every string', () => {
    fc.assert(fc.property(anyString, (s) => JSON.parse(JSON.stringify({ s })).s === s), { numRuns: RUNS })
  })

  it('Fn::Sub / Fn::Join strings mean exactly the literal text around the reference', () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        const value = cfnValue([a, { kind: 'pseudo', name: 'region' }, b])
        const normalized = normalizeValue(value as never)
        const expected = normalizeValue({ 'Fn::Join': ['', [a, { Ref: 'AWS::Region' }, b]] } as never)
        return JSON.stringify(normalized) === JSON.stringify(expected)
      }),
      { numRuns: RUNS },
    )
  })
})
