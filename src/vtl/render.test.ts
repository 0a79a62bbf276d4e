/**
 * Rendering semantics, table-driven. Expected outputs come from:
 * - AWS-recorded outputs (captured against API Gateway by LocalStack's snapshot tests
 *   `test_input_path_template_formatting` / `test_input_body_formatting`, summarised in vtl.md §3);
 * - the API Gateway developer guide:
 *   REF  https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 *   EX   https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-variable-examples.html
 *   WS   https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html
 *   VTL  https://velocity.apache.org/engine/1.7/user-guide.html (Velocity 1.7 semantics API Gateway runs)
 */
import { describe, expect, it } from 'vitest'
import { renderTemplate, type RenderInput } from './render'

interface Row {
  name: string
  template: string
  input?: RenderInput
  output: string
  source: string
}

const AWS_RECORDED = 'AWS-recorded (LocalStack snapshot test_apigateway_common, vtl.md §3)'
const REF = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html'
const EX = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-variable-examples.html'
const VTL = 'https://velocity.apache.org/engine/1.7/user-guide.html'
const TOQOZ = 'AWS-recorded: https://github.com/ToQoz/api-gateway-mapping-template/blob/master/test/_.md'

const rows: Row[] = [
  // ---- quiet references and printing (AWS-recorded)
  { name: 'undefined reference prints nothing', template: 'a[$nope]b[$nope.x.y]c', output: 'a[]b[]c', source: AWS_RECORDED },
  { name: 'null JSON value prints nothing', template: "[$input.path('$.n')]", input: { body: '{"n":null}' }, output: '[]', source: AWS_RECORDED },
  { name: 'null equals empty string', template: '#if($nope == "")T#{else}F#end', output: 'T', source: AWS_RECORDED },
  { name: 'map prints as Java Map.toString', template: "$input.path('$')", input: { body: '{"foo":"bar"}' }, output: '{foo=bar}', source: AWS_RECORDED },
  {
    name: 'bigger map keeps key order',
    template: "$input.path('$')",
    input: { body: '{"bigger":"dict","to":"test","with":"separators"}' },
    output: '{bigger=dict, to=test, with=separators}',
    source: AWS_RECORDED,
  },
  { name: 'list prints as JSON', template: "$input.path('$')", input: { body: '[{"foo":"bar"}]' }, output: '[{"foo":"bar"}]', source: AWS_RECORDED },
  { name: 'list nested in a map prints as JSON', template: "$input.path('$')", input: { body: '{"foo":[{"nested":"bar"}]}' }, output: '{foo=[{"nested":"bar"}]}', source: AWS_RECORDED },
  { name: 'empty body is {}', template: '$input.body', input: { body: '' }, output: '{}', source: AWS_RECORDED },
  { name: '$input.body is the raw string', template: '$input.body', input: { body: '{ "a" : 1 }' }, output: '{ "a" : 1 }', source: REF },
  { name: '$input.body.field is empty (body is a string)', template: '[$input.body.a]', input: { body: '{"a":1}' }, output: '[]', source: 'vtl.md §2.2' },
  // ---- AWS-recorded payload handling (ToQoz/api-gateway-mapping-template test/_.md, recorded against API Gateway)
  ...(
    [
      ['"$input.path(\'$\')"', 'a=b', '"a=b"'],
      ['"$input.path(\'$\')"', '"a=b"', '"a=b"'],
      ["$input.json('$')", 'a=b', '"a=b"'],
      ["$input.json('$')", '"a=b"', '"a=b"'],
      ['"$input.path(\'$\')"', '"{}"', '"{}"'],
      ["$input.json('$')", '{}', '{}'],
      ["$input.json('$')", '', '{}'],
      ['{"name": "$input.path(\'$\')"}', 'name=toqoz', '{"name": "name=toqoz"}'],
      ['"$input.path(\'$\')"', 'a{b', '"a{b"'],
      ['"$input.path(\'$\')"', 'null{', '"null{"'],
      ['$input', '', '{}'],
      ['$input.params', '', '{}'],
      ['$input.json', '', '{}'],
      ['$util.urlEncode', '', '{}'],
    ] as const
  ).map(([template, body, output]) => ({ name: `ToQoz: ${template} with payload ${JSON.stringify(body)}`, template, input: { body }, output, source: TOQOZ })),
  // ---- $input.json / $input.path (REF: "$input variables")
  { name: 'json() quotes strings', template: "$input.json('$.message')", input: { body: '{"message":"foobar"}' }, output: '"foobar"', source: REF },
  { name: 'json() of an object is JSON text', template: "$input.json('$.a')", input: { body: '{"a":{"b":[1,2]}}' }, output: '{"b":[1,2]}', source: REF },
  { name: "json('$') is the whole body", template: "$input.json('$')", input: { body: '{"a": 1}' }, output: '{"a":1}', source: REF },
  { name: 'path() returns the string value', template: "$input.path('$.user.name')", input: { body: '{"user":{"name":"Sally"}}' }, output: 'Sally', source: REF },
  { name: 'path().size() on a list', template: "$input.path('$.items').size()", input: { body: '{"items":[1,2,3]}' }, output: '3', source: REF },
  { name: 'path() with an index', template: "$input.path('$.items[1].id')", input: { body: '{"items":[{"id":"a"},{"id":"b"}]}' }, output: 'b', source: REF },
  { name: 'path() with a wildcard gives a JSON list', template: "$input.path('$.items[*].id')", input: { body: '{"items":[{"id":1},{"id":2}]}' }, output: '[1,2]', source: REF },
  { name: 'path() with a filter', template: "$input.path('$.items[?(@.ok == true)].id')", input: { body: '{"items":[{"id":1,"ok":true},{"id":2,"ok":false}]}' }, output: '[1]', source: REF },
  { name: 'path() bracket notation', template: "$input.path(\"$['a b']\")", input: { body: '{"a b":"x"}' }, output: 'x', source: REF },
  { name: 'json() + escapeJavaScript escapes the quotes', template: "$util.escapeJavaScript($input.json('$.message'))", input: { body: '{"message":"foobar"}' }, output: '\\"foobar\\"', source: AWS_RECORDED },
  // ---- $input.params (EX example 2; WebSocket: $connect only)
  {
    name: 'params() walks header/querystring/path (EX example 2 shape)',
    template:
      '#set($allParams = $input.params())#foreach($type in $allParams.keySet())#set($params = $allParams.get($type))$type:#foreach($paramName in $params.keySet())$paramName=$util.escapeJavaScript($params.get($paramName))#if($foreach.hasNext),#end#end;#end',
    input: { routeKey: '$connect', params: { header: { Auth: 'x"y' }, querystring: { room: 'lobby', v: '2' } } },
    output: 'header:Auth=x\\"y;querystring:room=lobby,v=2;path:;',
    source: EX,
  },
  { name: 'params(name) looks in path, query string, header', template: "$input.params('room')|$input.params('Auth')|$input.params('none')", input: { params: { header: { Auth: 'h' }, querystring: { room: 'q' } } }, output: 'q|h|', source: REF },
  // ---- $util (REF: "$util variables")
  { name: 'urlEncode: space is +, the rest %XX (AWS-recorded)', template: '$util.urlEncode(\'{"some": "value"}\')', output: '%7B%22some%22%3A+%22value%22%7D', source: AWS_RECORDED },
  { name: 'urlEncode keeps . - * _', template: "$util.urlEncode('a.b-c*d_e~f')", output: 'a.b-c*d_e%7Ef', source: REF },
  { name: 'urlEncode of UTF-8', template: "$util.urlEncode('é€')", output: '%C3%A9%E2%82%AC', source: REF },
  { name: 'urlDecode inverts urlEncode', template: "$util.urlDecode('a+b%26c%3D%C3%A9')", output: 'a b&c=é', source: REF },
  { name: 'base64Encode UTF-8', template: "$util.base64Encode('hello é')", output: 'aGVsbG8gw6k=', source: REF },
  { name: 'base64Decode UTF-8', template: "$util.base64Decode('aGVsbG8gw6k=')", output: 'hello é', source: REF },
  { name: "escapeJavaScript escapes ' (documented) and \" \\ newline", template: '#set($s = $input.path(\'$.s\'))$util.escapeJavaScript($s)', input: { body: '{"s":"it\'s \\"q\\" a\\\\b\\nz"}' }, output: "it\\'s \\\"q\\\" a\\\\b\\nz", source: REF },
  {
    name: 'the documented replaceAll idiom undoes \\\'',
    template: '$util.escapeJavaScript($input.path(\'$.s\')).replaceAll("\\\\\'","\'")',
    input: { body: '{"s":"it\'s"}' },
    output: "it's",
    source: REF,
  },
  { name: 'parseJson walks a stringified JSON value', template: "#set($e = $util.parseJson($input.path('$.errorMessage')))$e.errorMessageObjKey2ArrVal[0]", input: { body: '{"errorMessage":"{\\"errorMessageObjKey2ArrVal\\":[1,2]}"}' }, output: '1', source: REF },
  { name: '$util printed alone is {}', template: '$util', output: '{}', source: 'ToQoz/api-gateway-mapping-template test/_.md (AWS-recorded, REST)' },
  // ---- $context (WebSocket list) and $stageVariables
  { name: 'context values can be set; missing ones are generated', template: '$context.connectionId|$context.stage|$context.eventType', input: { context: { connectionId: 'abc=' }, routeKey: '$connect' }, output: 'abc=|dev|CONNECT', source: 'vtl.md §2.1' },
  { name: 'authorizer values are strings', template: '#if($context.authorizer.n == "1")string#end', input: { context: { authorizer: { n: 1 } } }, output: 'string', source: 'vtl.md §2.1' },
  { name: 'stage variables by name and index', template: "$stageVariables.table/$stageVariables['table']/${stageVariables.table}", input: { stageVariables: { table: 'T1' } }, output: 'T1/T1/T1', source: REF },
  // ---- Java string methods (REF: "java.lang.String methods are available")
  { name: 'length() and isEmpty()', template: '#set($s = "abc")$s.length() $s.isEmpty()', output: '3 false', source: REF },
  { name: 'matches() is a full match', template: '#set($s = "abc")$s.matches("b") $s.matches("a.c")', output: 'false true', source: REF },
  { name: 'replaceAll uses Java regex and $1 groups', template: '#set($s = "a1b22")$s.replaceAll("(\\d+)", "<$1>")', output: 'a<1>b<22>', source: REF },
  { name: 'replace() replaces every occurrence literally', template: '#set($s = "a.b.c")$s.replace(".", "-")', output: 'a-b-c', source: REF },
  { name: 'split() drops trailing empty strings', template: '#set($p = "a,b,,")$p.split(",").size()', output: '2', source: REF },
  { name: 'substring/indexOf/toUpperCase/trim', template: '#set($s = "  Hello ")$s.trim().substring(1, 3).toUpperCase() $s.indexOf("l")', output: 'EL 4', source: REF },
  { name: 'contains/equalsIgnoreCase/startsWith', template: '#set($s = "WebSocket")$s.contains("Sock") $s.equalsIgnoreCase("websocket") $s.startsWith("Web")', output: 'true true true', source: REF },
  // ---- Velocity 1.7 semantics
  { name: 'integer division truncates', template: '#set($a = 7 / 2)#set($b = 7.0 / 2)$a $b', output: '3 3.5', source: VTL },
  { name: 'empty string is true in #if (Velocity 1.7)', template: '#set($e = "")#if($e)T#{else}F#end', output: 'T', source: VTL },
  { name: 'map writes: #set($m.k), put, index', template: '#set($m = {})#set($m.a = 1)#set($x = $m.put("b", 2))$m $m["a"]', output: '{a=1, b=2} 1', source: AWS_RECORDED },
  { name: 'list add returns true', template: '#set($l = [])$l.add("x") $l', output: 'true [x]', source: VTL },
  { name: 'template-built lists print Java-style', template: '#set($l = [1, "a", {"k": "v"}])$l', output: '[1, a, {k=v}]', source: VTL },
  { name: '#foreach with $foreach.hasNext and #break', template: '#foreach($i in [1..5])$i#if($i == 3)#break#end#if($foreach.hasNext),#end#end', output: '1,2,3', source: VTL },
  { name: '#set with a null right-hand side keeps the old value (Velocity 1.7)', template: "#foreach($i in $input.path('$.items'))#set($v = $i.opt)[$v]#end", input: { body: '{"items":[{"opt":"a"},{}]}' }, output: '[a][a]', source: VTL },
  { name: '#set evaluates its right-hand side once', template: '#set($l = [])#set($x = $l.add(1))$l $x', output: '[1] true', source: VTL },
  { name: 'braced directives #{if} #{else} #{end}', template: '#{if}(true)yes#{else}no#{end}|#{foreach}($i in [1,2])$i#{end}', output: 'yes|12', source: VTL },
  { name: 'comments and unparsed blocks', template: 'a## line\nb#* block $x *#c#[[ $raw #if ]]#', output: 'abc $raw #if ', source: VTL },
  { name: 'block comment directly after a reference (velocityjs would print it)', template: "$a.b('x')#* note #if *#y\n$!c#* multi\nline *#z", output: 'y\nz', source: VTL },
  { name: 'escaped references', template: '\\$context.stage \\#if', output: '$context.stage #if', source: VTL },
  { name: 'macros and #define', template: '#macro(q $v)"$v"#end#define($d)D#end#q("x")$d', output: '"x"D', source: VTL },
  { name: '$!{x} quiet reference', template: 'a$!{nope}b', output: 'ab', source: VTL },
]

describe('renderTemplate (API Gateway semantics)', () => {
  it.each(rows)('$name', ({ template, input, output }) => {
    const r = renderTemplate(template, input)
    expect(r).toEqual({ ok: true, output, warnings: [] })
  })

  it.each([
    ['{a', 'Unexpected End Of File (AWS: 400)'],
    ['[a', 'Unexpected End Of File (AWS: 400)'],
  ])('JSON-looking but malformed payload %j fails like API Gateway (%s)', (body) => {
    expect(renderTemplate("\"$input.path('$')\"", { body })).toMatchObject({ ok: false, error: { code: 'VTL011' } })
  })
  it('every row names its source', () => {
    for (const r of rows) expect(r.source).toMatch(/https:\/\/|AWS-recorded|vtl\.md/)
  })
})

describe('renderTemplate failures are located diagnostics', () => {
  it.each([
    ['#if($a) x', 'VTL001', 1, 1],
    ['x\n#end\ny', 'VTL002', 2, 1],
    ['#else', 'VTL003', 1, 1],
    ['#set($a = ){}', 'VTL004', 1, 11],
    ["$input.path('$.a')", 'VTL011', 1, 1, '{not json'],
    ['\n  #set($s = "abc")$s.substring(5)', 'VTL011', 2, 19],
    ['$util.parseJson("{nope")', 'VTL011', 1, 1],
    ['#set($s = "a")$s.replaceAll("(", "")', 'VTL011', 1, 15],
  ])('%j → %s at %i:%i', (template, code, line, column, body = '[1, oops') => {
    const r = renderTemplate(template, { body })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe(code)
    expect(r.error.range).toMatchObject({ line, column })
  })

  it('stops #foreach at 1 000 iterations and warns', () => {
    const r = renderTemplate('#foreach($i in [1..1500])x#end')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.output).toBe('x'.repeat(1000))
    expect(r.warnings.map((w) => w.code)).toEqual(['VTL019'])
  })

  it('does not print the tail twice for an unclosed #if (velocityjs would)', () => {
    const r = renderTemplate('#if(true) body')
    expect(r).toMatchObject({ ok: false, error: { code: 'VTL001' } })
  })
})
