import { describe, expect, it } from 'vitest'
import { seedDocument } from '../model/seed'
import { exportAsyncApi } from './exportAsyncApi'
import { specProblems } from './validateSpec'

describe('specProblems (the browser check against @asyncapi/specs)', () => {
  it('accepts an exported document and locates a broken one', async () => {
    const doc = exportAsyncApi(seedDocument().design)
    expect(await specProblems(doc)).toEqual([])
    expect((await specProblems({ ...doc, info: { title: 'x' } })).join('\n')).toContain('/info')
  }, 30_000)
})
