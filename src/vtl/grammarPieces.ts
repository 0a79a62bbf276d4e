/**
 * Test data, not engine code: pieces of the VTL grammar, hostile ones included, that the property test
 * (hostile.test.ts) and the VTL bench (bench/vtl.bench.ts) join at random into ~10 KB templates. One list, so the
 * bench times the same inputs the test proves give output or located diagnostics.
 */

import fc from 'fast-check'

export const GRAMMAR_PIECES: readonly string[] = [
  '#if($a)', '#elseif($b == 1)', '#else', '#end', '#{end}', '#foreach($i in $l)', '#foreach($i in [1..100000000])', '#set($a = 1)', '#set($l = [1, "x", {"k": 2.5}])',
  '#set($m = {})', '#set($m.k = $a)', '#break', '#stop', '#evaluate("$a")', '#macro(m $v)', '#m(1)', '#@m(2)', '#define($d)', '$d', '#include("x")', '#parse("y")', '#**#',
  '$a', '$!{b.c}', '${a}', '$a.b(', ')', '(', '[', ']', '{', '}', ',', '"', "'", '""', "''", '#*', '*#', '#[[', ']]#', '##', '\n', '\r\n', 'text', '\\#', '\\$', '$',
  "$input.path('$.x')", "$input.json('$')", '$input.path("$.__proto__")', '$util.parseJson($input.body)', '$util.escapeJavaScript($a)', '$context.requestId', '$foreach.parent.index',
  '$l[-1]', '$a.toString().length()', '$m.entrySet()', '$a.getClass().name', '$i.parseInt("7")', '==', '&&', '||', '!', '+', '/', '%', '1.5', '9007199254740993', '-1',
]

/** Templates of up to 10 KB: a random run of pieces, repeated, cut at 10 240 characters. */
export function grammarTemplates(): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...GRAMMAR_PIECES), { minLength: 1, maxLength: 80 })
    .chain((parts) => fc.integer({ min: 1, max: 60 }).map((n) => parts.join('').repeat(n).slice(0, 10_240)))
}
