/** One failing and one passing case per check; tests assert on codes and ranges, not on message text. */
import { describe, expect, it } from 'vitest'
import { aDesign } from '../model/builders'
import { VTL_CODES } from './codes'
import { validateTemplate, type ValidateOptions } from './validate'

const codes = (text: string, opts?: ValidateOptions) => validateTemplate(text, opts).map((d) => d.code)
const find = (text: string, code: string, opts?: ValidateOptions) => validateTemplate(text, opts).find((d) => d.code === code)

interface Case {
  code: string
  bad: string
  good: string
  opts?: ValidateOptions
  /** 1-based line/column of the expected diagnostic in `bad`. */
  at?: [number, number]
}

const JSON_OPTS: ValidateOptions = { contentType: 'application/json' }
const SQS: ValidateOptions = { service: 'sqs', integrationType: 'aws' }

const cases: Case[] = [
  { code: 'VTL001', bad: '{\n  #if($x)\n  "a": 1\n}', good: '{\n  #if($x)\n  "a": 1\n  #end\n}', at: [2, 3] },
  { code: 'VTL001', bad: '#{foreach}($i in [1])$i', good: '#{foreach}($i in [1])$i#{end}', at: [1, 1] },
  { code: 'VTL002', bad: 'hello\n#end\nworld', good: 'hello\n## #end in a comment\nworld', at: [2, 1] },
  { code: 'VTL002', bad: '#if(true)a#end#{end}', good: '#if(true)a#end#set($e = "#end")', at: [1, 15] },
  { code: 'VTL003', bad: 'a\n  #else\nb', good: '#if($a)a#{else}b#end', at: [2, 3] },
  { code: 'VTL003', bad: '#if($a)1#{else}2#elseif($b)3#end', good: '#if($a)1#elseif($b)3#{else}2#end', at: [1, 17] },
  { code: 'VTL003', bad: '#foreach($i in [1])#else#end', good: '#foreach($i in [1])#if($i)#else#end#end', at: [1, 20] },
  { code: 'VTL004', bad: '{\n  "a": #set($a = ){}\n}', good: '{\n  #set($a = 1)"a": $a\n}', at: [2, 18] },
  { code: 'VTL004', bad: '"a": "$input.path(\'$.a\'"', good: '"a": "$input.path(\'$.a\')"', at: [1, 24] },
  { code: 'VTL005', bad: 'a #* never closed', good: 'a #* closed *#', at: [1, 3] },
  { code: 'VTL005', bad: 'a #[[ raw', good: 'a #[[ raw ]]#', at: [1, 3] },
  { code: 'VTL006', bad: `{"a": "${'x'.repeat(300 * 1024)}"}`, good: `{"a": "${'x'.repeat(1000)}"}`, at: [1, 1] },
  { code: 'VTL007', bad: '{"id": "$context.conectionId"}', good: '{"id": "$context.connectionId"}', at: [1, 9] },
  { code: 'VTL007', bad: '#set($x = "${context.foo}")', good: '#set($x = "${context.stage}")', at: [1, 12] },
  { code: 'VTL008', bad: '{"m": "$context.httpMethod"}', good: '{"m": "$context.eventType"}', at: [1, 8] },
  { code: 'VTL008', bad: '$context.authorizer.claims.sub', good: '$context.authorizer.principalId $context.authorizer.tenant', at: [1, 1] },
  { code: 'VTL008', bad: '$context.requestOverride.header.x', good: '$context.requestId', at: [1, 1] },
  { code: 'VTL009', bad: '$context.integrationLatency', good: '$context.requestTimeEpoch', at: [1, 1] },
  { code: 'VTL010', bad: "$input.params('token')", good: "$input.params('token')", opts: { routeKey: 'sendmessage' }, at: [1, 1] },
  { code: 'VTL011', bad: "$input.path('$.a')", good: "$input.path('$.a')", opts: { sampleMessage: '{"a": oops}' }, at: [1, 1] },
  { code: 'VTL012', bad: '{\n  "a": "$input.path(\'$.message\')"\n  "b": 1\n}', good: '{\n  "a": "$input.path(\'$.message\')",\n  "b": 1\n}', opts: { ...JSON_OPTS, sampleMessage: '{"message":"hi"}' }, at: [3, 3] },
  { code: 'VTL012', bad: '{\n  "a": "$input.path(\'$.message\')"\n}', good: '{\n  "a": "$util.escapeJavaScript($input.path(\'$.message\')).replaceAll("\\\\\'","\'")"\n}', opts: JSON_OPTS, at: [2, 9] },
  { code: 'VTL012', bad: '{"m": "$input.body"}', good: '{"m": "$util.escapeJavaScript($input.body).replaceAll("\\\\\'","\'")"}', opts: { service: 'dynamodb' }, at: [1, 8] },
  { code: 'VTL013', bad: 'Action=SendMessage&MessageBody=$input.body', good: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)', opts: SQS, at: [1, 32] },
  { code: 'VTL014', bad: 'Action=Publish&Message=$input.path(\'$.message\')', good: 'Action=Publish&Message=$util.urlEncode($input.path(\'$.message\'))', opts: { service: 'sns' }, at: [1, 16] },
  { code: 'VTL015', bad: 'MessageBody=$util.urlEncode($input.body)', good: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)', opts: SQS, at: [1, 1] },
  { code: 'VTL016', bad: '{"status": 200}', good: '{"statusCode": 200}', opts: { integrationType: 'mock' }, at: [1, 1] },
  {
    code: 'VTL017',
    bad: '{}',
    good: '{}',
    opts: { templateSelectionExpression: '\\$default', templateKeys: ['$default', 'application/json'], templateKey: 'application/json' },
    at: [1, 1],
  },
  { code: 'VTL018', bad: '$stageVariables.tabel', good: '$stageVariables.table', opts: { stageVariables: { table: 'T' } }, at: [1, 1] },
  { code: 'VTL019', bad: "#foreach($i in $input.path('$.items'))#end", good: "#foreach($i in $input.path('$.items'))#end", at: [1, 1] },
  { code: 'VTL020', bad: '$util.toJson($input.body)', good: '$util.escapeJavaScript($input.body)', at: [1, 1] },
  { code: 'VTL020', bad: '$input.body.message', good: "$input.path('$.message')", at: [1, 1] },
  { code: 'VTL021', bad: '$prefix-suffix', good: '${prefix}-suffix', at: [1, 1] },
  { code: 'VTL022', bad: '{"ttl": {"N": "$context.requestTimeEpoch + 86400"}}', good: '{"ttl": {"N": "$context.requestTimeEpoch"}}', at: [1, 16] },
  // AWS docs, $input.json: "returns a JSON string" (with its quotes); inside "…" that doubles them.
  { code: 'VTL029', bad: `{"t": "$input.json('$.text')"}`, good: `{"t": $input.json('$.text')}`, at: [1, 8] },
  // AppSync's $ctx is not an API Gateway variable (API Gateway mapping template reference lists $context only).
  { code: 'VTL030', bad: '{"id": "$ctx.requestId"}', good: '{"id": "$context.requestId"}', at: [1, 9] },
  { code: 'VTL027', bad: `x\n${'#if(true)'.repeat(300)}${'#end'.repeat(300)}`, good: `x\n${'#if(true)'.repeat(20)}${'#end'.repeat(20)}`, at: [2, 1801] },
  // Velocity 1.7 user guide, #include / #parse: they read files through the resource loader; API Gateway has none.
  { code: 'VTL028', bad: 'a #parse("other.vm") b', good: 'a b', at: [1, 3] },
]

/** The passing variants of options that depend on the case (the bad variant is reported, the good one is not). */
const goodOpts: Record<string, ValidateOptions> = {
  VTL010: { routeKey: '$connect' },
  VTL011: { sampleMessage: '{"a": 1}' },
  VTL017: { templateSelectionExpression: '${request.body.type}', templateKeys: ['$default', 'application/json'], templateKey: 'application/json' },
  VTL019: { sampleMessage: JSON.stringify({ items: Array.from({ length: 10 }, (_, i) => i) }) },
}
const badOpts: Record<string, ValidateOptions> = {
  VTL019: { sampleMessage: JSON.stringify({ items: Array.from({ length: 1001 }, (_, i) => i) }) },
}

describe('validateTemplate checks', () => {
  it.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))('%s: reported on the bad template, not on the good one', (_n, c) => {
    const bad = find(c.bad, c.code, { ...c.opts, ...badOpts[c.code] })
    expect(bad, JSON.stringify(validateTemplate(c.bad, c.opts))).toBeDefined()
    expect(bad!.severity).toBe(VTL_CODES[c.code as keyof typeof VTL_CODES].severity)
    if (c.at) expect([bad!.range?.line, bad!.range?.column]).toEqual(c.at)
    expect(codes(c.good, { ...c.opts, ...goodOpts[c.code] })).not.toContain(c.code)
  })

  it('every code in the table has a test case', () => {
    // VTL024–026 and VTL031 are message-tester results, tested in selection.test.ts, assist.test.ts and nullHandling.test.ts.
    const tested = new Set([...cases.map((c) => c.code), 'VTL024', 'VTL025', 'VTL026', 'VTL031'])
    expect(Object.keys(VTL_CODES).filter((c) => !tested.has(c))).toEqual([])
  })

  it('a clean template has no diagnostics at all', () => {
    const t = '{\n  "TableName": "Connections",\n  "Item": {"id": {"S": "$context.connectionId"}, "msg": {"S": "$util.escapeJavaScript($input.path(\'$.message\')).replaceAll("\\\\\'","\'")"}}\n}'
    expect(validateTemplate(t, { routeKey: 'sendmessage', service: 'dynamodb', integrationType: 'aws' })).toEqual([])
  })

  it('reports every unbalanced directive, not just the first', () => {
    expect(codes('#if($a)\n#foreach($i in $l)\n#end\n#end\n#end\n#else')).toEqual(['VTL002', 'VTL003'])
    expect(codes('#if($a)\n#if($b)\n')).toEqual(['VTL001', 'VTL001'])
  })

  it('skips directives in comments, unparsed blocks, strings and escapes', () => {
    expect(validateTemplate('## #if\n#* #foreach *#\n#[[ #end ]]#\n#set($s = "#end")\n#set($t = \'#if(\')\n\\#end')).toEqual([])
  })

  it('does not treat a template variable named like a root as the API object', () => {
    expect(codes('#set($context = {})$context.anything')).toEqual([])
  })

  it('resolves @{entity.attr} references before the trial render', () => {
    const design = aDesign().withResource('table', { type: 'dynamodb-table', tableName: 'Chat', partitionKey: { name: 'id', type: 'S' } }).build()
    expect(validateTemplate('{"TableName": "@{table.name}"}', { service: 'dynamodb', design })).toEqual([])
  })

  it('checks request parameter sources on non-$connect routes', () => {
    const d = validateTemplate('{}', { routeKey: 'send', requestParameters: { 'integration.request.header.x': 'route.request.header.Auth' } })
    expect(d.map((x) => x.code)).toEqual(['VTL010'])
    expect(validateTemplate('{}', { routeKey: '$connect', requestParameters: { 'integration.request.header.x': 'route.request.header.Auth' } })).toEqual([])
  })

  it('a Content-Type request parameter decides the output format', () => {
    const form = { service: 'sqs', requestParameters: { 'integration.request.header.Content-Type': "'application/json'" } }
    expect(codes('{"QueueUrl": "u", "MessageBody": "x"}', form)).toEqual([])
  })

  it('response templates skip request-only checks', () => {
    const pong = '{"action": "pong", "p": "$input.params(\'x\')"}'
    expect(codes(pong, { integrationType: 'mock', routeKey: 'ping' })).toEqual(['VTL016', 'VTL010'])
    expect(codes(pong, { integrationType: 'mock', routeKey: 'ping', templateKind: 'response' })).toEqual([])
    expect(codes('{"a": ', { templateKind: 'response', contentType: 'application/json' })).toEqual(['VTL012'])
    expect(codes('a=b c', { templateKind: 'response', service: 'sqs' })).toEqual([])
    const keys = { templateKind: 'response' as const, templateSelectionExpression: '${integration.response.statuscode}', templateKeys: ['$default', '200'] }
    expect(codes('{}', keys)).toEqual([])
  })

  // AWS docs "Mock integrations": the request template `{"statusCode": 200}`; bare keys are accepted by MOCK (issue 10).
  it('a MOCK request template with a bare statusCode key is a warning, not an error', () => {
    const d = validateTemplate('{statusCode: 200}', { integrationType: 'mock', routeKey: 'ping' })
    expect(d.map((x) => [x.code, x.severity])).toEqual([['VTL012', 'warning']])
    expect(validateTemplate('{statusCode: 200}', { service: 'dynamodb', integrationType: 'aws' }).map((x) => [x.code, x.severity])).toEqual([['VTL012', 'error']])
  })

  // No false alarms on canonical templates (issue 10): AWS docs' DynamoDB PutItem on $connect, an SQS FIFO form body,
  // and a template that ends with #stop followed by notes.
  it.each([
    ['DynamoDB PutItem on $connect', '{"TableName":"Connections","Item":{"connectionId":{"S":"$context.connectionId"},"connectedAt":{"N":"$context.connectedAt"}}}', { routeKey: '$connect', service: 'dynamodb', action: 'PutItem', integrationType: 'aws' }],
    ['SQS FIFO form body', 'Action=SendMessage&MessageGroupId=$context.connectionId&MessageDeduplicationId=$context.requestId&MessageBody=$util.urlEncode($input.body)', { routeKey: 'send', service: 'sqs', action: 'SendMessage', integrationType: 'aws' }],
    ['#stop before trailing notes', '{"TableName": "T", "Key": {"id": {"S": "$context.connectionId"}}}#stop\nnotes: not JSON', { service: 'dynamodb', integrationType: 'aws' }],
  ] as const)('%s: no diagnostics', (_n, t, o) => expect(validateTemplate(t, o)).toEqual([]))

  it('never throws on hostile input', () => {
    for (const t of ['#', '$', '#{', '${', '#if(', '#set(', '$a.b(', '#[[', '#*', '\\', '"', "'", '#macro(', '#@x()', '$!{', ')))', '#if($a)#else#else#end'])
      expect(() => validateTemplate(t, { contentType: 'application/json' })).not.toThrow()
  })
})
