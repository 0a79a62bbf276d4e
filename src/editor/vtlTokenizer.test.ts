// @vitest-environment happy-dom
/**
 * Tokenizer tests for the `vtl` language as the editor registers it (`registerVtl`: the Monarch grammar from
 * src/vtl plus the editor wiring), run through Monaco's own tokenizer (`editor.tokenize`). Table-driven:
 * `{ text, tokens: [[line, startIndex, type], …] }` with types written without the `.vtl` postfix.
 * Multi-line cases check that tokenizer state carries across lines (comments, raw blocks, directive arguments).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import type { Monaco } from './loadMonaco'
import { registerVtl } from './registerVtl'
import { VTL_LANGUAGE_ID } from '../vtl/monarch'

let monaco: Monaco

beforeAll(async () => {
  monaco = await import('monaco-editor/editor/editor.api.js')
  registerVtl(monaco)
  registerVtl(monaco) // idempotent
}, 120_000)

type Tok = [line: number, startIndex: number, type: string]

function tokenize(text: string): Tok[] {
  return monaco.editor.tokenize(text, VTL_LANGUAGE_ID).flatMap((line, i) => line.map((t): Tok => [i + 1, t.offset, t.type.replace(/\.vtl$/, '')]))
}

interface Case {
  name: string
  text: string
  tokens: Tok[]
}

const CASES: Case[] = [
  // ---------------------------------------------------------------- comments
  { name: 'line comment hides references and directives', text: '## $context.x #if(', tokens: [[1, 0, 'comment']] },
  {
    name: 'code before a line comment',
    text: '$x ## note',
    tokens: [
      [1, 0, 'variable'],
      [1, 2, ''],
      [1, 3, 'comment'],
    ],
  },
  {
    name: 'block comment across lines, code after it',
    text: '#* one\n$two #if\nthree *#$four',
    tokens: [
      [1, 0, 'comment'],
      [2, 0, 'comment'],
      [3, 0, 'comment'],
      [3, 8, 'variable'],
    ],
  },
  // ---------------------------------------------------------------- raw block
  {
    name: 'unparsed block across lines is not highlighted inside',
    text: '#[[\n#if($x) $y\n]]# $z',
    tokens: [
      [1, 0, 'string.unparsed'],
      [2, 0, 'string.unparsed'],
      [3, 0, 'string.unparsed'],
      [3, 3, ''],
      [3, 4, 'variable'],
    ],
  },
  // ---------------------------------------------------------------- directives
  {
    name: '#set with a property target and a string',
    text: '#set($m.key = "v")',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 4, 'delimiter.parenthesis'],
      [1, 5, 'variable'],
      [1, 7, 'variable.property'],
      [1, 11, ''],
      [1, 12, 'operator'],
      [1, 13, ''],
      [1, 14, 'string'],
      [1, 17, 'delimiter.parenthesis'],
    ],
  },
  {
    name: '#foreach with `in` and a nested call',
    text: "#foreach($item in $input.path('$.items'))",
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 8, 'delimiter.parenthesis'],
      [1, 9, 'variable'],
      [1, 14, ''],
      [1, 15, 'keyword.operator'],
      [1, 17, ''],
      [1, 18, 'variable.predefined'],
      [1, 24, 'function'],
      [1, 29, 'delimiter.parenthesis'],
      [1, 30, 'string'],
      // Monaco merges adjacent tokens of the same type: `))` is one token.
      [1, 39, 'delimiter.parenthesis'],
    ],
  },
  {
    name: '#elseif with symbolic operators',
    text: '#elseif($a && !$b)',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 7, 'delimiter.parenthesis'],
      [1, 8, 'variable'],
      [1, 10, ''],
      [1, 11, 'operator'],
      [1, 13, ''],
      [1, 14, 'operator'],
      [1, 15, 'variable'],
      [1, 17, 'delimiter.parenthesis'],
    ],
  },
  {
    name: '#if with word operators',
    text: '#if($a eq 1 and $b ne 2)',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 3, 'delimiter.parenthesis'],
      [1, 4, 'variable'],
      [1, 6, ''],
      [1, 7, 'keyword.operator'],
      [1, 9, ''],
      [1, 10, 'number'],
      [1, 11, ''],
      [1, 12, 'keyword.operator'],
      [1, 15, ''],
      [1, 16, 'variable'],
      [1, 18, ''],
      [1, 19, 'keyword.operator'],
      [1, 21, ''],
      [1, 22, 'number'],
      [1, 23, 'delimiter.parenthesis'],
    ],
  },
  {
    name: 'braced forms #{if} #{else} #{end} glued to text',
    text: '#{if}($a)x#{else}y#{end}z',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 5, 'delimiter.parenthesis'],
      [1, 6, 'variable'],
      [1, 8, 'delimiter.parenthesis'],
      [1, 9, ''],
      [1, 10, 'keyword.directive'],
      [1, 17, ''],
      [1, 18, 'keyword.directive'],
      [1, 24, ''],
    ],
  },
  {
    name: '#break and #stop, but not #endless',
    text: '#break #stop #endless',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 6, ''],
      [1, 7, 'keyword.directive'],
      [1, 12, ''],
    ],
  },
  {
    name: 'directive arguments continue on the next line',
    text: '#if($a ==\n  "x")ok',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 3, 'delimiter.parenthesis'],
      [1, 4, 'variable'],
      [1, 6, ''],
      [1, 7, 'operator'],
      [2, 0, ''],
      [2, 2, 'string'],
      [2, 5, 'delimiter.parenthesis'],
      [2, 6, ''],
    ],
  },
  {
    name: 'macro definition and body call',
    text: '#macro(greet $who)#end #@wrap()x#end',
    tokens: [
      [1, 0, 'keyword.directive'],
      [1, 6, 'delimiter.parenthesis'],
      [1, 7, 'identifier'],
      [1, 12, ''],
      [1, 13, 'variable'],
      [1, 17, 'delimiter.parenthesis'],
      [1, 18, 'keyword.directive'],
      [1, 22, ''],
      [1, 23, 'keyword.macro'],
      [1, 29, 'delimiter.parenthesis'],
      [1, 31, ''],
      [1, 32, 'keyword.directive'],
    ],
  },
  // ---------------------------------------------------------------- references
  {
    name: 'quiet braced reference $!{…}',
    text: '$!{context.authorizer.principalId}',
    tokens: [
      [1, 0, 'variable.delimiter'],
      [1, 3, 'variable.predefined'],
      [1, 10, 'variable.property'], // `.authorizer.principalId`, merged
      [1, 33, 'variable.delimiter'],
    ],
  },
  {
    name: 'quiet reference $!name and a plain one',
    text: '$!name $other',
    tokens: [
      [1, 0, 'variable'],
      [1, 6, ''],
      [1, 7, 'variable'],
    ],
  },
  {
    name: 'well-known roots have their own token',
    text: '$context $input $util $stageVariables $mine',
    tokens: [
      [1, 0, 'variable.predefined'],
      [1, 8, ''],
      [1, 9, 'variable.predefined'],
      [1, 15, ''],
      [1, 16, 'variable.predefined'],
      [1, 21, ''],
      [1, 22, 'variable.predefined'],
      [1, 37, ''],
      [1, 38, 'variable'],
    ],
  },
  {
    name: 'index access with a string key',
    text: "$stageVariables['table']",
    tokens: [
      [1, 0, 'variable.predefined'],
      [1, 15, 'delimiter.square'],
      [1, 16, 'string'],
      [1, 23, 'delimiter.square'],
    ],
  },
  {
    name: 'nested $util call with a method chain',
    text: '$util.escapeJavaScript($input.json(\'$.m\')).replaceAll("x","y")',
    tokens: [
      [1, 0, 'variable.predefined'],
      [1, 5, 'function'],
      [1, 22, 'delimiter.parenthesis'],
      [1, 23, 'variable.predefined'],
      [1, 29, 'function'],
      [1, 34, 'delimiter.parenthesis'],
      [1, 35, 'string'],
      [1, 40, 'delimiter.parenthesis'],
      [1, 42, 'function'],
      [1, 53, 'delimiter.parenthesis'],
      [1, 54, 'string'],
      [1, 57, 'delimiter'],
      [1, 58, 'string'],
      [1, 61, 'delimiter.parenthesis'],
    ],
  },
  {
    name: 'escaped $ and # are not references or directives',
    text: '\\$price \\#if',
    tokens: [
      [1, 0, 'string.escape'],
      [1, 2, ''],
      [1, 8, 'string.escape'],
      [1, 10, ''],
    ],
  },
  // ---------------------------------------------------------------- JSON around the VTL
  {
    name: 'JSON key, number, literals and punctuation',
    text: '{"n": -12.5e3, "ok": true, "z": null}',
    tokens: [
      [1, 0, 'delimiter.curly'],
      [1, 1, 'string.key'],
      [1, 4, 'delimiter'],
      [1, 5, ''],
      [1, 6, 'number'],
      [1, 13, 'delimiter'],
      [1, 14, ''],
      [1, 15, 'string.key'],
      [1, 19, 'delimiter'],
      [1, 20, ''],
      [1, 21, 'keyword'],
      [1, 25, 'delimiter'],
      [1, 26, ''],
      [1, 27, 'string.key'],
      [1, 30, 'delimiter'],
      [1, 31, ''],
      [1, 32, 'keyword'],
      [1, 36, 'delimiter.curly'],
    ],
  },
  {
    name: 'reference interpolated in a JSON string value',
    text: '"id": "$context.requestId-x"',
    tokens: [
      [1, 0, 'string.key'],
      [1, 4, 'delimiter'],
      [1, 5, ''],
      [1, 6, 'string'],
      [1, 7, 'variable.predefined'],
      [1, 15, 'variable.property'],
      [1, 27, 'string'],
    ],
  },
  {
    name: 'array of references and a directive inside JSON',
    text: '[$a, #if($b)1#end]',
    tokens: [
      [1, 0, 'delimiter.square'],
      [1, 1, 'variable'],
      [1, 3, 'delimiter'],
      [1, 4, ''],
      [1, 5, 'keyword.directive'],
      [1, 8, 'delimiter.parenthesis'],
      [1, 9, 'variable'],
      [1, 11, 'delimiter.parenthesis'],
      [1, 12, 'number'],
      [1, 13, 'keyword.directive'],
      [1, 17, 'delimiter.square'],
    ],
  },
]

describe('vtl tokenizer (registered language)', () => {
  test.each(CASES)('$name', ({ text, tokens }) => {
    expect(tokenize(text)).toEqual(tokens)
  })
})

describe('a realistic DynamoDB PutItem template', () => {
  const template = [
    '## store the message',
    '#set($body = $util.parseJson($input.body))',
    '{',
    '  "TableName": "$stageVariables.table",',
    '  "Item": {',
    '    "id": {"S": "$context.connectionId"},',
    '    #if($body.room)"room": {"S": "$util.escapeJavaScript($body.room)"},#end',
    '    "ts": {"N": "$context.requestTimeEpoch"}',
    '  }',
    '}',
  ].join('\n')

  test('every line starts in the right state and the well-known roots are recognised', () => {
    const lines = monaco.editor.tokenize(template, VTL_LANGUAGE_ID)
    const firstTypes = lines.map((l) => l[0].type.replace(/\.vtl$/, ''))
    expect(firstTypes).toEqual(['comment', 'keyword.directive', 'delimiter.curly', '', '', '', '', '', '', 'delimiter.curly'])
    const predefined = tokenize(template).filter(([, , type]) => type === 'variable.predefined')
    // $util, $input (line 2), $stageVariables (4), $context (6), $util (7), $context (8)
    expect(predefined.map(([line]) => line)).toEqual([2, 2, 4, 6, 7, 8])
  })
})
