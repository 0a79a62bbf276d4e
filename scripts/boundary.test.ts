import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The pure-core boundary is enforced by the linter; prove the rule fires (and stays quiet where it should). */
const eslint = new ESLint({ cwd: resolve(__dirname, '..') })

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => m.ruleId ?? m.message)
}

describe('pure-core boundary', () => {
  it.each([
    ['src/model/x.ts', "import { useState } from 'react'\nexport const x = useState\n"],
    ['src/vtl/x.ts', "import { create } from 'zustand'\nexport const x = create\n"],
    ['src/export/x.ts', "import * as monaco from 'monaco-editor'\nexport const x = monaco\n"],
    ['src/import/x.ts', "import { ReactFlow } from '@xyflow/react'\nexport const x = ReactFlow\n"],
    ['src/model/y.ts', "import { x } from '../components/canvas/Canvas'\nexport const y = x\n"],
    ['src/model/z.ts', "import { exportDesign } from '../export'\nexport const z = exportDesign\n"],
  ])('%s may not import UI code', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports')
  })

  it('the pure core may not touch browser globals', async () => {
    expect(await ruleIds('src/export/x.ts', 'export const x = () => window.location.href\n')).toContain('no-restricted-globals')
  })

  it('UI code may import anything', async () => {
    expect(await ruleIds('src/components/x.ts', "import { useState } from 'react'\nexport const x = useState\n")).toEqual([])
  })
})
