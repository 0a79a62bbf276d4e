/**
 * Java, not JavaScript (issue 10): numbers, ordered maps, Java methods, prototype-free lookups, Velocity 1.7
 * directives and lexing, bounded loops. Each row names its source; README.md's semantics table points here.
 */
import { describe, expect, it } from 'vitest'
import { renderTemplate, type RenderInput } from './render'

const DOUBLE = 'https://docs.oracle.com/javase/8/docs/api/java/lang/Double.html#toString-double-'
const SMART = 'json-smart DefaultMapperOrdered (LinkedHashMap, JSONArray), used by Jayway JsonSmartJsonProvider'
const VEL = 'https://velocity.apache.org/engine/1.7/user-guide.html'
const VEL_SRC = 'Velocity 1.7 source (ASTMap → LinkedHashMap, ASTIndex negative index, MathUtils widening, Foreach scope)'
const VEL_CONF = 'https://velocity.apache.org/engine/1.7/developer-guide.html#Velocity_Configuration_Keys_and_Values (velocimacro.max.depth = 20)'
const JAYWAY = 'https://github.com/json-path/JsonPath#functions (and PathCompiler: a path without $ is $.path)'
const INTROSPECT = 'Velocity 1.7 UberspectImpl: getX()/isX() properties, Map get(), static methods through an instance'
const QUOTAS = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (WebSocket: message 128 KB; #foreach 1 000)'
const ISSUE = 'AWS-recorded (issue 10 evidence)'
const PARSER_JJT = 'Velocity 1.7 Parser.jjt ($Id 928463 2010-03-28, read in lzxz1234/org.apache.velocity src/parser/Parser.jjt): MULTI_LINE_COMMENT is `*#` alone; `#**` opens a formal comment only before a character other than #'
const AST_MAP = 'Velocity 1.7 ASTMap.value: new LinkedHashMap (velocity-1.7 jar, ASTMap.java $Id 928475 2010-03-28)'

interface Row {
  name: string
  template: string
  input?: RenderInput
  output: string
  source: string
}

const body = (b: string): RenderInput => ({ body: b })

const rows: Row[] = [
  // ---- numbers
  { name: 'JSON doubles print as Java Double', template: "$input.path('$.a') $input.path('$.b') $input.path('$.c')", input: body('{"a":100.0,"b":1e3,"c":1.5e-7}'), output: '100.0 1000.0 1.5E-7', source: DOUBLE },
  { name: 'an id above 2^53 keeps every digit', template: "$input.path('$.id') $input.json('$.id')", input: body('{"id":12345678901234567890}'), output: '12345678901234567890 12345678901234567890', source: SMART },
  { name: 'Double * Integer is a Double', template: "#set($x = $input.path('$.a') * 3)$x", input: body('{"a":1.0}'), output: '3.0', source: VEL_SRC },
  { name: 'decimal literals are Doubles, integer division truncates', template: '#set($x = 1.5 * 2)$x #set($y = 7 / 2)$y', output: '3.0 3', source: VEL_SRC },
  { name: 'integers widen instead of overflowing', template: '#set($z = 2147483647 + 1)$z', output: '2147483648', source: VEL_SRC },
  { name: 'arithmetic on a long keeps it exact', template: "#set($x = $input.path('$.n') + 1)$x", input: body('{"n":9007199254740993}'), output: '9007199254740994', source: VEL_SRC },
  { name: '$input.json prints numbers as json-smart', template: "$input.json('$')", input: body('{"f":2.50,"e":1E2,"i":-0}'), output: '{"f":2.5,"e":100.0,"i":0}', source: SMART },
  { name: 'number methods and statics through an instance', template: "#set($i = 5)$i.parseInt('41') $i.valueOf('8') $i.intValue() $i.doubleValue() $i.longValue()", output: '41 8 5 5.0 5', source: INTROSPECT },
  { name: 'parseJson numbers are Java too', template: "#set($j = $util.parseJson('{\"d\":2.0,\"n\":3}'))$j.d $j.n", output: '2.0 3', source: SMART },
  {
    name: 'hashCode() as the JDK computes it',
    template: "#set($b = true)$b.hashCode() #set($i = 7)$i.hashCode() #set($d = 1.5)$d.hashCode() #set($l = [1, 'a'])$l.hashCode() #set($m = {'a': 1})$m.hashCode() $input.path('$.long').hashCode() $input.path('$.big').hashCode()",
    input: body('{"long":9007199254740993,"big":12345678901234567890}'),
    output: '1231 7 1073217536 1089 96 2097153 -1436577082',
    source: 'JDK 8 API: Boolean.hashCode (1231/1237), Integer, Long and Double.hashCode formulas, List.hashCode, Map.hashCode; BigInteger.hashCode over mag[] (JDK source)',
  },
  { name: 'Boolean compareTo and Integer bit statics through an instance', template: '#set($b = true)$b.compareTo(false) #set($i = 7)$i.toHexString(255) $i.toBinaryString(5) $i.toOctalString(8)', output: '1 ff 101 10', source: INTROSPECT },
  // ---- maps
  { name: 'payload maps keep insertion order, integer-like keys included', template: "$input.path('$')", input: body('{"b":1,"a":2,"1":3}'), output: '{b=1, a=2, 1=3}', source: SMART },
  { name: '$input.json keeps key order', template: "$input.json('$')", input: body('{"b":1,"1":2}'), output: '{"b":1,"1":2}', source: SMART },
  { name: 'map literals are LinkedHashMaps', template: "#set($m = {'z':1,'a':2})$m $m.keySet()", output: '{z=1, a=2} [z, a]', source: VEL_SRC },
  { name: 'map literals keep integer-like keys in place', template: `#set($m = {"b": 1, "1": 2, '0': 3, "a": {"9": 4, "x": 5}})$m $m.get("1") $m.keySet()`, output: '{b=1, 1=2, 0=3, a={9=4, x=5}} 2 [b, 1, 0, a]', source: AST_MAP },
  { name: 'map literals passed to a method outside a directive keep their order', template: `#set($l = [])#set($m = {})$l.add({"b": 1, "1": 2}) $m.put("k", {"z": 0, "10": 1}) $l $m $l.get(0).keySet()`, output: 'true  [{b=1, 1=2}] {k={z=0, 10=1}} [b, 1]', source: AST_MAP },
  { name: 'a digit string outside a map key is untouched', template: `#set($s = "{,'1': x}")$s #set($l = ["1", "2"])$l`, output: "{,'1': x} [1, 2]", source: AST_MAP },
  { name: 'entrySet entries print k=v and have key/value', template: "#set($m = {'z':1,'a':2})#foreach($e in $m.entrySet())$e:$e.key:$e.getValue();#end", output: 'z=1:z:1;a=2:a:2;', source: INTROSPECT },
  { name: 'toString() of a payload map, size() of a path result', template: "$input.path('$').toString().contains('a=') $input.path('$').size() $input.path('$.l').size()", input: body('{"a":1,"l":[1,2]}'), output: 'true 2 2', source: ISSUE },
  { name: 'nested map and list print Java/JSON mix', template: "$input.path('$')", input: body('{"a":{"x":[1,"y"]}}'), output: '{a={x=[1,"y"]}}', source: 'AWS-recorded ({foo=[{"nested":"bar"}]}, vtl.md §3)' },
  // ---- classes
  { name: '.class.name and getClass()', template: "#set($i = 5)$i.class.name $i.getClass().simpleName $input.path('$').getClass() $input.path('$.l').class.name", input: body('{"l":[]}'), output: 'java.lang.Integer Integer class java.util.LinkedHashMap net.minidev.json.JSONArray', source: INTROSPECT },
  { name: 'a map key named class is shadowed by getClass()', template: "$input.path('$').class.simpleName", input: body('{"class":"x"}'), output: 'LinkedHashMap', source: INTROSPECT },
  { name: 'string statics and properties', template: "#set($s = 'abc')$s.valueOf(12) $s.empty $s.class.simpleName", output: '12 false String', source: INTROSPECT },
  // ---- prototype-free
  {
    name: 'no JavaScript property is reachable',
    template: "[$input.path('$.__proto__')][$input.path('$.constructor')][$context.constructor][$stageVariables.constructor][$input.constructor][$util.constructor][$input.path('$').constructor][$context.toString][$input.path('$').hasOwnProperty]",
    input: body('{"a":1}'),
    output: '[][][][][][][][][]',
    source: 'issue 10 (API Gateway finds nothing)',
  },
  { name: 'payload keys named like JS internals are plain keys', template: "$input.path('$.__proto__') $input.path('$.constructor') $input.path('$').size()", input: body('{"__proto__":"p","constructor":"c"}'), output: 'p c 2', source: SMART },
  // ---- directives
  { name: '#stop ends the output', template: 'a#stop b', output: 'a', source: VEL },
  { name: '#stop inside a loop keeps what came before', template: '#foreach($i in [1..3])$i#if($i == 2)#stop#end#end after', output: '12', source: VEL },
  { name: '#evaluate renders in the current context', template: '#evaluate("#set($q = 5)$q")-$q', output: '5-5', source: VEL },
  { name: '$foreach.parent and $velocityCount', template: '#foreach($a in [1,2])#foreach($b in [3])$foreach.parent.count$foreach.count/$velocityCount #end#end', output: '11/1 21/1 ', source: VEL_SRC },
  { name: '$foreach.first / last / index', template: '#foreach($a in ["x","y"])$foreach.index$foreach.first$foreach.last,#end', output: '0truefalse,1falsetrue,', source: VEL_SRC },
  { name: 'negative list index counts from the end', template: '#set($l = [1,2,3])$l[-1] $l[0]', output: '3 1', source: VEL_SRC },
  { name: 'a call of an undefined macro prints as text', template: '#promo(2024) x', output: '#promo(2024) x', source: VEL },
  { name: '#include and #parse render nothing (no resource loader)', template: "#include('x')#parse('y')|", output: '|', source: VEL },
  // ---- lexing
  { name: 'doubled quotes in string literals are escapes', template: `#set($s = "a""b")$s #set($t = 'it''s')$t`, output: `a"b it's`, source: 'https://issues.apache.org/jira/browse/VELOCITY-555 (Velocity 1.7)' },
  { name: 'doubled quotes in method arguments outside a directive', template: `#set($s = "x")$s.concat("a""b") $s.concat('it''s') $s.replace("x", 'y''z')`, output: `xa"b xit's y'z`, source: 'https://issues.apache.org/jira/browse/VELOCITY-555 (Velocity 1.7)' },
  { name: 'a directive line eats CRLF like LF', template: '#if(true)\r\nA\r\n#end\r\nB', output: 'A\r\nB', source: VEL },
  { name: 'the empty comment #**# is a comment', template: 'a#**#b #**# c\n#**#\nd', output: 'ab  c\n\nd', source: PARSER_JJT },
  { name: '#**# does not run on to a later *#', template: '$x#**#y *# z', output: 'y *# z', source: PARSER_JJT },
  { name: 'a block comment alone on a line keeps its newline', template: 'a\n#* note *#\nb\n  #* indented *#  \nc', output: 'a\n\nb\n    \nc', source: PARSER_JJT },
  { name: 'a block comment after text keeps the newline after it, CRLF too', template: 'x #* c *#\ny\r\n#* c *#\r\nz', output: 'x \ny\r\n\r\nz', source: PARSER_JJT },
  { name: 'a line comment eats its line end, CRLF too, and only one', template: 'a\n## c\r\n\r\nb ## d\nc', output: 'a\n\r\nb c', source: PARSER_JJT },
  { name: 'a directive line eats one CRLF, not the blank line after it', template: '#set($a = 1)\r\n\r\n$a', output: '\r\n1', source: PARSER_JJT },
  // ---- $input edges
  { name: "$input.json of a missing path prints \"\"", template: "$input.json('$.missing')", input: body('{"a":1}'), output: '""', source: ISSUE },
  { name: 'a JSONPath without $ reads as $.path', template: "$input.path('id')|$input.json('id')", input: body('{"id":7}'), output: '7|7', source: JAYWAY },
  { name: 'JsonPath length()', template: "$input.path('$.items.length()')", input: body('{"items":[1,2,3]}'), output: '3', source: JAYWAY },
  { name: 'text starting with a quote that is not JSON is plain text', template: "$input.path('$')", input: body('"unclosed'), output: '"unclosed', source: 'ToQoz/api-gateway-mapping-template test/_.md (AWS-recorded): only { and [ must be JSON' },
  // ---- preview context
  { name: 'an explicitly empty authorizer renders empty', template: '$context.authorizer', input: { context: { authorizer: {} } }, output: '{}', source: 'issue 10 (the preview invents nothing)' },
]

describe('Java semantics end to end', () => {
  it.each(rows)('$name', ({ template, input, output }) => {
    expect(renderTemplate(template, input)).toEqual({ ok: true, output, warnings: [] })
  })
  it('every row names its source', () => {
    for (const r of rows) expect(r.source.length).toBeGreaterThan(10)
  })
})

describe('bounded rendering (API Gateway limits)', () => {
  it('#foreach over 10^8 items stops at 1 000 with VTL019, without building the range', () => {
    const r = renderTemplate('#foreach($i in [1..100000000])#end done')
    expect(r).toMatchObject({ ok: true, output: ' done', warnings: [{ code: 'VTL019' }] })
  })
  it('building a 10^8 range fails with a message instead of running out of memory', () => {
    expect(renderTemplate('#set($r = [1..100000000])$r.size()')).toMatchObject({ ok: false, error: { code: 'VTL011', message: expect.stringContaining('too large') } })
  })
  it('nested loops stop at a total iteration budget, located at the loop', () => {
    const r = renderTemplate('\n#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end')
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL011', range: { line: 2, column: 26 } } })
    // the #foreach that was starting an iteration when the budget ran out
  })
  it('a 50 MB body stops at the WebSocket message quota', () => {
    const big = `{"a":"${'x'.repeat(50 * 1024 * 1024)}"}`
    expect(renderTemplate("$input.path('$.a').length()", { body: big })).toMatchObject({ ok: false, error: { code: 'VTL011', message: expect.stringContaining('128 KB') } })
    void QUOTAS
  })
  it.each([
    ['#macro(r)#r()#end#r()', 'velocimacro.max.depth'],
    ['#define($d)$d#end$d', 'recursive'],
  ])('recursion %s fails with a message (%s)', (t, what) => {
    expect(renderTemplate(t)).toMatchObject({ ok: false, error: { code: 'VTL011', message: expect.stringContaining(what) } })
    void VEL_CONF
  })
  it('a payload nested 100 000 deep fails like a parse error, not a stack overflow', () => {
    const r = renderTemplate("$input.path('$')", { body: `${'['.repeat(60_000)}${']'.repeat(60_000)}` })
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL011', message: expect.stringContaining('nested deeper') } })
  })
})
