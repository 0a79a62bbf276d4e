// @vitest-environment happy-dom
/**
 * Tokenizer tests for the VTL Monarch grammar, table-driven `{ line, tokens: [{ startIndex, type }] }`,
 * run through Monaco's own tokenizer (`editor.tokenize`) under happy-dom.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type * as Monaco from 'monaco-editor'
import { VTL_LANGUAGE_ID, VTL_MONARCH } from './monarch'

// Only `editor` and `languages` are used; the slim entry point has both (and needs no language workers).
let monaco: Pick<typeof Monaco, 'editor' | 'languages'>

beforeAll(async () => {
  monaco = (await import('monaco-editor/editor/editor.api.js')) as unknown as Pick<typeof Monaco, 'editor' | 'languages'>
  monaco.languages.register({ id: VTL_LANGUAGE_ID })
  monaco.languages.setMonarchTokensProvider(VTL_LANGUAGE_ID, VTL_MONARCH)
}, 120_000)

type Tok = [number, string]
const tokens = (line: string): Tok[] => monaco.editor.tokenize(line, VTL_LANGUAGE_ID)[0].map((t) => [t.offset, t.type.replace(/\.vtl$/, '')])

describe('VTL Monarch grammar', () => {
  it.each<[string, Tok[]]>([
    ['## note', [[0, 'comment']]],
    ['#* c *# x', [[0, 'comment'], [7, '']]],
    // Velocity 1.7 (Parser.jjt): `#**#` is an empty comment, so the text after it is code again.
    ['#**# $x', [[0, 'comment'], [4, ''], [5, 'variable']]],
    ['#** doc *#$x', [[0, 'comment'], [10, 'variable']]],
    ['#[[ $x #if ]]#', [[0, 'string.unparsed']]],
    ['#if($a == 1)', [[0, 'keyword.directive'], [3, 'delimiter.parenthesis'], [4, 'variable'], [6, ''], [7, 'operator'], [9, ''], [10, 'number'], [11, 'delimiter.parenthesis']]],
    ['#{if}(true)#{end}', [[0, 'keyword.directive'], [5, 'delimiter.parenthesis'], [6, 'keyword'], [10, 'delimiter.parenthesis'], [11, 'keyword.directive']]],
    ['#else #end', [[0, 'keyword.directive'], [5, ''], [6, 'keyword.directive']]],
    ['$!{context.stage}', [[0, 'variable.delimiter'], [3, 'variable.predefined'], [10, 'variable.property'], [16, 'variable.delimiter']]],
    [
      "$util.escapeJavaScript($input.path('$.a'))",
      [[0, 'variable.predefined'], [5, 'function'], [22, 'delimiter.parenthesis'], [23, 'variable.predefined'], [29, 'function'], [34, 'delimiter.parenthesis'], [35, 'string'], [40, 'delimiter.parenthesis']],
    ],
    ['{"id": "$context.connectionId"}', [[0, 'delimiter.curly'], [1, 'string.key'], [5, 'delimiter'], [6, ''], [7, 'string'], [8, 'variable.predefined'], [16, 'variable.property'], [29, 'string'], [30, 'delimiter.curly']]],
    ['#set($m = "$x-y")', [[0, 'keyword.directive'], [4, 'delimiter.parenthesis'], [5, 'variable'], [7, ''], [8, 'operator'], [9, ''], [10, 'string'], [11, 'variable'], [15, 'string'], [16, 'delimiter.parenthesis']]],
    ['\\$notARef', [[0, 'string.escape'], [2, '']]],
  ])('%s', (line, expected) => {
    expect(tokens(line)).toEqual(expected)
  })

  it('keeps state across lines inside a block comment', () => {
    const lines = monaco.editor.tokenize('#* a\nb *# $x', VTL_LANGUAGE_ID)
    expect(lines[1].map((t) => t.type)).toEqual(['comment.vtl', '', 'variable.vtl'])
  })
})
