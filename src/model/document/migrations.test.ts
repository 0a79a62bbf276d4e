import { describe, expect, it } from 'vitest'
import { DESIGN_VERSION } from './envelope'
import { assertMigrationChain, migrate, MIGRATIONS, type Migration } from './migrations'

describe('migrations', () => {
  it('the shipped chain is gapless and ends at the current version', () => {
    expect(() => assertMigrationChain()).not.toThrow()
    expect(MIGRATIONS.length).toBe(DESIGN_VERSION - 1)
  })

  it('a chain with a gap is rejected when built', () => {
    const noop = (p: Record<string, unknown>) => p
    const gap: Migration[] = [
      { from: 1, describe: 'a', up: noop },
      { from: 3, describe: 'b', up: noop },
    ]
    expect(() => assertMigrationChain(gap, 4)).toThrow(/gap/)
    expect(() => assertMigrationChain([{ from: 1, describe: 'a', up: noop }], 3)).toThrow(/ends at 2/)
  })

  it('migrate applies steps in order up to the current version', () => {
    const steps: Migration[] = [{ from: DESIGN_VERSION - 1, describe: 'rename', up: (p) => ({ ...p, renamed: true }) }]
    expect(migrate({ a: 1 }, DESIGN_VERSION - 1, steps)).toEqual({ a: 1, renamed: true })
    expect(migrate({ a: 1 }, DESIGN_VERSION, steps)).toEqual({ a: 1 })
  })
})
