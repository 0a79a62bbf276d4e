/** The VTL verbs in-process (injected CliIo) plus one real `npm run --silent cli -- render` spawn. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../command'
import { runCli } from '../run'
import { serializeDocument } from '../../model/document/serialize'
import { seedDocument } from '../../model/seed'
import { aDesign } from '../../model/builders'
import { applyPreset } from '../../model/presets'

function memoryIo(files: Record<string, string>) {
  const out = { stdout: '', stderr: '' }
  const io: CliIo = {
    cwd: '/mem',
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`)
      return files[p]
    },
    writeFile: (p, c) => void (files[p] = c),
    exists: (p) => p in files,
    listDir: () => undefined,
    mkdirp: () => undefined,
  }
  return { io, out }
}

async function cli(argv: string[], files: Record<string, string>) {
  const { io, out } = memoryIo(files)
  const code = await runCli(argv, io)
  return { code, ...out }
}

describe('cli render', () => {
  it('prints the output exactly, without a trailing newline', async () => {
    const r = await cli(['render', 't.vtl', '--body', 'b.json'], { 't.vtl': '{"m": "$input.path(\'$.message\')"}', 'b.json': '{"message":"hi"}' })
    expect(r).toEqual({ code: 0, stdout: '{"m": "hi"}', stderr: '' })
  })
  it('fills missing context keys and uses given ones and stage variables', async () => {
    const r = await cli(['render', 't.vtl', '--context', 'c.json', '--stage-variables', 's.json'], {
      't.vtl': '$context.connectionId|$context.routeKey|$context.identity.sourceIp|$stageVariables.table',
      'c.json': '{"connectionId":"abc=","routeKey":"$connect"}',
      's.json': '{"table":"T"}',
    })
    expect(r).toEqual({ code: 0, stdout: 'abc=|$connect|203.0.113.10|T', stderr: '' })
  })
  it('a template error prints LINE:COL message on stderr, exit 1', async () => {
    const r = await cli(['render', 't.vtl'], { 't.vtl': 'a\n  #if($x)\nb' })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^2:3 `#if` is never closed/)
  })
  it('unreadable files and bad JSON exit 2; usage errors exit 2', async () => {
    expect((await cli(['render', 'missing.vtl'], {})).code).toBe(2)
    expect((await cli(['render', 't.vtl', '--context', 'c.json'], { 't.vtl': 'x', 'c.json': '[1]' })).code).toBe(2)
    expect((await cli(['render'], {})).code).toBe(2)
    expect((await cli(['render', 't.vtl', '--nope', 'x'], { 't.vtl': 'x' })).code).toBe(2)
  })
})

describe('cli validate-template', () => {
  it('prints LINE:COL SEVERITY CODE message per diagnostic; exit 1 on errors', async () => {
    const r = await cli(['validate-template', 't.vtl', '--route', 'sendmessage', '--content-type', 'application/json'], {
      't.vtl': '{\n  "m": "$context.httpMethod",\n  "p": "$input.params(\'x\')"\n#end\n}',
    })
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^2:9 warning VTL008 /)
    expect(lines[1]).toMatch(/^3:9 warning VTL010 /)
    expect(lines[2]).toMatch(/^4:1 error VTL002 /)
  })
  it('exit 0 and no output for a clean template; warnings alone exit 0', async () => {
    expect(await cli(['validate-template', 't.vtl', '--content-type', 'application/json'], { 't.vtl': '{"id": "$context.connectionId"}' })).toEqual({ code: 0, stdout: '', stderr: '' })
    const w = await cli(['validate-template', 't.vtl', '--route', 'x'], { 't.vtl': "$input.params('a')" })
    expect(w.code).toBe(0)
    expect(w.stdout).toMatch(/^1:1 warning VTL010 /)
  })
  it('checks form bodies with --service sqs', async () => {
    const r = await cli(['validate-template', 't.vtl', '--service', 'sqs'], { 't.vtl': 'Action=SendMessage&MessageBody=$input.body' })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/error VTL014/)
  })
})

describe('cli route', () => {
  const design = () => {
    const d = aDesign('chat')
      .withIntegration('send', { type: 'aws' })
      .withRoute('sendRoute', { key: 'sendmessage', integration: 'send' })
      .withResource('queue', { type: 'sqs-queue', queueName: 'inbox' })
      .withMockRoute('dflt', '$default')
      .build()
    return serializeDocument({ design: applyPreset(d, 'send', 'sqs-sendmessage', 'queue'), layout: {} }, 'yaml')
  }
  it('prints the route key, template key and rendered request', async () => {
    const r = await cli(['route', 'd.yaml', '--message', 'm.json'], { 'd.yaml': design(), 'm.json': '{"action":"sendmessage","text":"a b"}' })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const [route, template, label, ...body] = r.stdout.split('\n')
    expect(route).toBe('route: sendmessage')
    expect(template).toBe('template: $default')
    expect(label).toBe('request:')
    expect(body.join('\n')).toMatch(/^Action=SendMessage&MessageBody=%7B%22action%22%3A%22sendmessage%22%2C%22text%22%3A%22a\+b%22%7D&/)
  })
  it('falls back to $default and works on the seed design with --route $connect', async () => {
    const r = await cli(['route', 'd.yaml', '--message', 'm.json'], { 'd.yaml': design(), 'm.json': 'not json' })
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['route: $default', 'template: $default'])
    const seed = await cli(['route', 'seed.yaml', '--message', 'empty', '--route', '$connect', '--json'], { 'seed.yaml': serializeDocument(seedDocument(), 'yaml'), empty: '' })
    expect(seed.code).toBe(0)
    const parsed = JSON.parse(seed.stdout) as { route: { key: string }; request: { isJson: boolean } }
    expect(parsed.route.key).toBe('$connect')
    expect(parsed.request.isJson).toBe(true)
  })
  it('locates what it prints in the design file: a template error on its template line, a missing integration on the route', async () => {
    const d = [
      'format: socket-studio/design',
      'version: 1',
      'design:',
      '  api: { name: x, routeSelectionExpression: $request.body.action }',
      '  routes:',
      '    a: { key: a, integration: mock }',
      '    b: { key: b, integration: nope }',
      '  integrations:',
      '    mock:',
      '      type: mock',
      '      requestTemplates:',
      '        $default: |',
      '          {"statusCode": 200}',
      '          #if($input.body == "x")',
      '',
    ].join('\n')
    const broken = await cli(['route', 'd.yaml', '--message', 'm'], { 'd.yaml': d, m: '{"action":"a"}' })
    expect(broken.code).toBe(1)
    // Template line 2 is file line 14; the directive starts after the block's 10 spaces of indentation.
    expect(broken.stderr).toMatch(/^d\.yaml:14:11 error VTL001 /m)
    const nowhere = await cli(['route', 'd.yaml', '--message', 'm'], { 'd.yaml': d, m: '{"action":"b"}' })
    expect(nowhere.stderr).toBe('d.yaml:7:18 info VTL025 route b names integration "nope", which the design does not have (MDL029): the message goes nowhere\n')
  })
  it('no matching route and no $default is exit 1', async () => {
    const d = serializeDocument({ design: aDesign().withMockRoute('a', 'a').build(), layout: {} }, 'yaml')
    const r = await cli(['route', 'd.yaml', '--message', 'm'], { 'd.yaml': d, m: '{"action":"b"}' })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/no \$default route/)
  })
})

describe('cli render (spawned)', () => {
  it('npm run --silent cli -- render prints exactly the rendered text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vtl-cli-'))
    writeFileSync(join(dir, 't.vtl'), 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)&Id=$context.connectionId')
    writeFileSync(join(dir, 'b.json'), '{"some": "value"}')
    writeFileSync(join(dir, 'c.json'), '{"connectionId": "X1="}')
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'render', join(dir, 't.vtl'), '--body', join(dir, 'b.json'), '--context', join(dir, 'c.json')], {
      cwd: join(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('Action=SendMessage&MessageBody=%7B%22some%22%3A+%22value%22%7D&Id=X1=')
    writeFileSync(join(dir, 'bad.vtl'), '#foreach($i in $l)\n$i')
    const bad = spawnSync('npm', ['run', '--silent', 'cli', '--', 'render', join(dir, 'bad.vtl')], { cwd: join(__dirname, '../../..'), encoding: 'utf8', timeout: 60_000 })
    expect(bad.status).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toMatch(/^1:1 `#foreach` is never closed/m)
  })
})
