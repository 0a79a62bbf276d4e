import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run'
import { testIo } from './testIo'

const root = resolve(__dirname, '../..')
const seed = readFileSync(resolve(root, 'examples/seed.yaml'), 'utf8')

describe('cli validate', () => {
  it.each(['seed', 'chat', 'sqs-fan-in', 'mock-ping', 'lambda-authorizer'])('examples/%s.yaml is valid (exit 0)', async (name) => {
    const t = testIo()
    expect(await runCli(['validate', `examples/${name}.yaml`], t.io)).toBe(0)
    expect(t.stdout()).toBe('')
  })

  it('a broken request template exits 1, its VTL diagnostic at the template\'s line and column in the design file', async () => {
    const broken = seed.replace(/application\/json: '.*'/, "application/json: |\n          {\"TableName\": \"@{table.name}\"\n          #if($input.body)\n          }")
    const t = testIo({ 'broken.yaml': broken })
    expect(await runCli(['validate', 'broken.yaml'], t.io)).toBe(1)
    const ifLine = broken.split('\n').findIndex((l) => l.includes('#if(')) + 1
    expect(t.stdout()).toMatch(new RegExp(`^broken\\.yaml:${ifLine}:11 error VTL001 .*\\[putItem\\.requestTemplates`, 'm'))
  })

  it('a broken copy exits 1 with file:line:col severity CODE message', async () => {
    const broken = seed.replace('key: $connect', 'key: $connnect').replace('autoDeploy: true', 'autoDeploy: false\n      deployment: false')
    const t = testIo({ 'broken.yaml': broken })
    expect(await runCli(['validate', 'broken.yaml'], t.io)).toBe(1)
    const lines = t.stdout().trimEnd().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^broken\.yaml:11:7 error MDL002 "\$connnect" starts with \$/),
      expect.stringMatching(/^broken\.yaml:35:7 warning MDL022 Stage "dev" has auto-deploy off/),
    ])
  })

  it('malformed YAML exits 1 with the syntax error located', async () => {
    const t = testIo({ 'bad.yaml': 'format: socket-studio/design\nversion: 1\ndesign: {api: [\n' })
    expect(await runCli(['validate', 'bad.yaml'], t.io)).toBe(1)
    expect(t.stdout()).toMatch(/^bad\.yaml:4:1 error DOC001 Not valid YAML/)
  })

  it('an unreadable file exits 2', async () => {
    const t = testIo()
    expect(await runCli(['validate', 'does/not/exist.yaml'], t.io)).toBe(2)
    expect(t.stderr()).toMatch(/cannot read/)
  })

  it('bad usage exits 2 with the usage line', async () => {
    const t = testIo()
    expect(await runCli(['validate'], t.io)).toBe(2)
    expect(t.stderr()).toMatch(/usage: validate <design>/)
    expect(await runCli(['validate', 'a', '--frobnicate'], testIo().io)).toBe(2)
  })
})

describe('cli new and help', () => {
  it('new prints the seed design', async () => {
    const t = testIo()
    expect(await runCli(['new'], t.io)).toBe(0)
    expect(t.stdout()).toBe(seed)
  })

  it('new -o writes the file and refuses to overwrite without --force', async () => {
    const t = testIo()
    expect(await runCli(['new', '-o', 'my.yaml'], t.io)).toBe(0)
    expect(t.written['my.yaml']).toBe(seed)
    expect(await runCli(['new', '-o', 'my.yaml'], t.io)).toBe(1)
    expect(await runCli(['new', '-o', 'my.yaml', '--force'], t.io)).toBe(0)
  })

  it('an unknown verb exits 2 and lists the verbs', async () => {
    const t = testIo()
    expect(await runCli(['frob'], t.io)).toBe(2)
    expect(t.stderr()).toMatch(/validate <design>/)
  })
})

describe('the real npm script', () => {
  it('npm run --silent cli -- validate examples/seed.yaml exits 0; a broken file exits 1', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'cli', '--', 'validate', 'examples/seed.yaml'], { cwd: root, encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toBe('')
    const file = join(mkdtempSync(join(tmpdir(), 'ss-')), 'broken.yaml')
    writeFileSync(file, seed.replace('stages:\n    dev:\n      name: dev', 'stages:\n    dev:\n      name: bad name'))
    const broken = spawnSync('npm', ['run', '--silent', 'cli', '--', 'validate', file], { cwd: root, encoding: 'utf8' })
    expect(broken.status).toBe(1)
    expect(broken.stdout).toBe(`${file}:33:7 error MDL019 Stage name "bad name" may only use letters, digits, - and _ (1 to 128 characters). [dev.name]\n`)
    const help = execFileSync('npm', ['run', '--silent', 'cli', '--', 'help'], { cwd: root, encoding: 'utf8' })
    expect(help).toMatch(/usage: npm run --silent cli -- <command>/)
  })
})
