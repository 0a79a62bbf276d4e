/**
 * Where a CLI call's time goes. Each verb marks the end of its phases (`phase('parsed')`, `phase('exported')`…)
 * on the standard User Timing API, which Node and browsers both have; scripts/cli.cjs adds the process start and
 * the bundle load, and with SOCKET_STUDIO_TIMINGS=1 prints every phase's duration to stderr at exit. `npm run
 * bench cli` reads that line to show, next to each whole-process time, the profile of what dominates it.
 * A mark costs about a microsecond, so verbs mark unconditionally.
 */

export const PHASE_PREFIX = 'socket-studio:'

export function phase(name: string): void {
  performance.mark(`${PHASE_PREFIX}${name}`)
}
