#!/usr/bin/env node
// Makes sure a Chromium for Playwright exists before the e2e tests run. Playwright's own browser download
// is blocked on our machines, so we use the system Chromium: CHROMIUM_PATH, then the usual Debian/Ubuntu
// paths. If none is found we install Debian's package when we can (root + apt-get), else we stop at once
// with the exact command to run.
import { existsSync } from 'node:fs'
import { execSync, spawnSync } from 'node:child_process'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].filter(Boolean)
const found = candidates.find((p) => existsSync(p))
if (found) {
  console.error(`e2e: using Chromium at ${found}`)
  process.exit(0)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (isRoot && hasApt) {
  console.error('e2e: no Chromium found; installing Debian\'s chromium package (about 2 minutes) …')
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
  } catch {
    console.error('e2e: apt-get failed. Install Chromium yourself: apt-get install -y chromium   (or set CHROMIUM_PATH)')
    process.exit(1)
  }
  if (existsSync('/usr/bin/chromium')) process.exit(0)
}
console.error(
  [
    'e2e: no Chromium found. Install one, then run npm test again:',
    hasApt ? '  sudo apt-get install -y chromium' : '  npx playwright install chromium   (then set CHROMIUM_PATH to its binary)',
    'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  ].join('\n'),
)
process.exit(1)
