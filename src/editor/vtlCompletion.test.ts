import { describe, expect, test } from 'vitest'
import { completionCandidates, completionContextAt, directiveContextAt, hoverTargetAt, snippetDisplay, type VariableEntry } from './vtlCompletion'

const ENTRIES: VariableEntry[] = [
  { path: 'context', doc: 'ctx' },
  { path: 'input', doc: 'in' },
  { path: 'util', doc: 'ut' },
  { path: 'stageVariables', doc: 'sv' },
  { path: 'context.connectionId', doc: 'conn' },
  { path: 'context.connectedAt', doc: 'at' },
  { path: 'context.routeKey', doc: 'rk' },
  { path: 'context.authorizer.principalId', doc: 'pid' },
  { path: 'context.authorizer.*', doc: 'auth value' },
  { path: 'context.identity.sourceIp', doc: 'ip' },
  { path: 'input.json', doc: 'json', signature: "json('$.${1:field}')" },
  { path: 'input.body', doc: 'body' },
  { path: 'util.escapeJavaScript', doc: 'esc', signature: 'escapeJavaScript(${1})' },
  { path: 'stageVariables.tableName', doc: 'table' },
  { path: 'context.httpMethod', doc: 'rest', warning: 'REST only' },
]

describe('completionContextAt', () => {
  test.each([
    { prefix: '"id": "$', parent: [], partial: '', braced: false, col: 9 },
    { prefix: '$con', parent: [], partial: 'con', braced: false, col: 2 },
    { prefix: '$context.', parent: ['context'], partial: '', braced: false, col: 10 },
    { prefix: '  $!{context.conn', parent: ['context'], partial: 'conn', braced: true, col: 14 },
    { prefix: '$context.authorizer.pr', parent: ['context', 'authorizer'], partial: 'pr', braced: false, col: 21 },
    { prefix: '#set($x = $util.esc', parent: ['util'], partial: 'esc', braced: false, col: 17 },
    { prefix: '${stageVariables.', parent: ['stageVariables'], partial: '', braced: true, col: 18 },
  ])('$prefix', ({ prefix, parent, partial, braced, col }) => {
    expect(completionContextAt(prefix)).toEqual({ parent, partial, braced, partialStartColumn: col })
  })

  test.each(['plain text', '"price": 5', '\\$context.', '$context.x y'])('no reference at the end of %j', (prefix) => {
    expect(completionContextAt(prefix)).toBeUndefined()
  })
})

describe('completionCandidates', () => {
  const labels = (prefix: string) => completionCandidates(ENTRIES, completionContextAt(prefix)!).map((c) => c.label)

  test.each([
    { prefix: '$', labels: ['context', 'input', 'stageVariables', 'util'] },
    { prefix: '$context.', labels: ['authorizer', 'connectedAt', 'connectionId', 'identity', 'routeKey', 'httpMethod'] },
    { prefix: '$context.conn', labels: ['connectedAt', 'connectionId'] },
    { prefix: '$context.authorizer.', labels: ['principalId'] },
    { prefix: '$input.', labels: ['body', 'json'] },
    { prefix: '$stageVariables.', labels: ['tableName'] },
    { prefix: '$util.ESC', labels: ['escapeJavaScript'] },
    { prefix: '$nothing.', labels: [] },
  ])('$prefix', ({ prefix, labels: expected }) => {
    expect(labels(prefix)).toEqual(expected)
  })

  test('methods insert snippets and show their call form; properties insert the name', () => {
    const [json] = completionCandidates(ENTRIES, completionContextAt('$input.js')!)
    expect(json).toMatchObject({ kind: 'method', insertText: "json('$.${1:field}')", snippet: true, detail: "$input.json('$.field')" })
    const [conn] = completionCandidates(ENTRIES, completionContextAt('$context.connectionI')!)
    expect(conn).toMatchObject({ kind: 'property', insertText: 'connectionId', snippet: false, detail: '$context.connectionId', doc: 'conn' })
    const [authorizer] = completionCandidates(ENTRIES, completionContextAt('$context.auth')!)
    expect(authorizer).toMatchObject({ kind: 'object', label: 'authorizer' })
  })

  test('entries with a warning sort after valid ones', () => {
    expect(labels('$context.').at(-1)).toBe('httpMethod')
  })
})

describe('hoverTargetAt', () => {
  const line = '{"c": "$context.connectionId", "a": "$context.authorizer.userId", "t": "${stageVariables.tableName}", "x": $util.escapeJavaScript($input.body)}'
  test.each([
    { column: line.indexOf('connectionId') + 3, path: 'context.connectionId' },
    { column: line.indexOf('$context') + 2, path: 'context' },
    { column: line.indexOf('userId') + 2, path: 'context.authorizer.*' },
    { column: line.indexOf('tableName') + 1, path: 'stageVariables.tableName' },
    { column: line.indexOf('escapeJavaScript') + 5, path: 'util.escapeJavaScript' },
    { column: line.indexOf('body') + 2, path: 'input.body' },
  ])('column $column → $path', ({ column, path }) => {
    expect(hoverTargetAt(ENTRIES, line, column)?.entry.path).toBe(path)
  })

  test('no target outside references or for unknown roots', () => {
    expect(hoverTargetAt(ENTRIES, line, 2)).toBeUndefined()
    expect(hoverTargetAt(ENTRIES, '$foo.bar', 3)).toBeUndefined()
  })

  test('range covers the reference up to the documented segment', () => {
    const text = 'x $context.connectionId y'
    expect(hoverTargetAt(ENTRIES, text, 14)).toMatchObject({ startColumn: 3, endColumn: 24 })
  })
})

describe('directiveContextAt', () => {
  test.each([
    { prefix: '#', expected: { partial: '', partialStartColumn: 2, braced: false } },
    { prefix: '  #fore', expected: { partial: 'fore', partialStartColumn: 4, braced: false } },
    { prefix: '#{e', expected: { partial: 'e', partialStartColumn: 3, braced: true } },
    { prefix: '## comment #if', expected: undefined },
    { prefix: '##', expected: undefined },
    { prefix: '\\#if', expected: undefined },
    { prefix: '"#abc', expected: { partial: 'abc', partialStartColumn: 3, braced: false } },
  ])('$prefix', ({ prefix, expected }) => {
    expect(directiveContextAt(prefix)).toEqual(expected)
  })
})

test('snippetDisplay strips placeholders', () => {
  expect(snippetDisplay("params('${1:name}')")).toBe("params('name')")
  expect(snippetDisplay('escapeJavaScript(${1})')).toBe('escapeJavaScript()')
})
