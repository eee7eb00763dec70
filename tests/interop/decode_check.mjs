// Checks that frames Rådslag encoded read, in the reference implementation, as the same message
// as frames the reference implementation wrote itself.
//
//   node tests/interop/decode_check.mjs REFERENCE.cbor OURS.cbor [REFERENCE.cbor OURS.cbor ...]
//
// A field whose value is `undefined` (cbor-x writes `storageId: undefined` for peers without
// storage) counts as absent. Prints one line per pair; exits 1 on any difference.

import fs from "node:fs"
import { isDeepStrictEqual } from "node:util"
import { cbor } from "@automerge/automerge-repo"

const args = process.argv.slice(2)
if (args.length === 0 || args.length % 2 !== 0) {
  console.error("usage: node decode_check.mjs REFERENCE OURS [REFERENCE OURS ...]")
  process.exit(2)
}

function normal(value) {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("hex") }
  if (Array.isArray(value)) return value.map(normal)
  if (value && typeof value === "object") {
    const out = {}
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = normal(value[key])
    }
    return out
  }
  return value
}

let failed = false
for (let i = 0; i < args.length; i += 2) {
  const reference = normal(cbor.decode(fs.readFileSync(args[i])))
  const ours = normal(cbor.decode(fs.readFileSync(args[i + 1])))
  const same = isDeepStrictEqual(reference, ours)
  if (same) {
    console.log(`same ${args[i]}`)
  } else {
    failed = true
    console.log(`DIFFERENT ${args[i]}`)
    console.log(`  reference: ${JSON.stringify(reference)}`)
    console.log(`  ours:      ${JSON.stringify(ours)}`)
  }
}
process.exit(failed ? 1 : 0)
