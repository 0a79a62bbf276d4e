import { parseArgs, UsageError, type Command } from '../command'

export const newCommand: Command = {
  name: 'new',
  usage: 'new [-o <design.yaml>] [--force]',
  summary: 'write the seed design ($connect → DynamoDB PutItem) to a file or stdout',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, { values: ['out'], switches: ['force', 'json'], aliases: { '-o': '--out' } })
    if (positional.length) throw new UsageError('new takes no positional arguments')
    const [{ serializeDocument }, { seedDocument }] = await Promise.all([import('../../model/document/serialize'), import('../../model/seed')])
    const text = serializeDocument(seedDocument(), flags.json ? 'json' : 'yaml')
    const out = flags.out
    if (typeof out !== 'string') {
      io.stdout(text)
      return 0
    }
    if (io.exists(out) && !flags.force) {
      io.stderr(`${out} exists; pass --force to overwrite\n`)
      return 1
    }
    io.writeFile(out, text)
    io.stderr(`wrote ${out}\n`)
    return 0
  },
}
