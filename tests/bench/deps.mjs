// Loads the npm packages the bench shares with the interop tests and the end-to-end tests, from
// their node_modules (tests/interop, tests/e2e), so the bench needs no install of its own.
import { createRequire } from "node:module"
import { pathToFileURL } from "node:url"

function from(dir) {
  const require = createRequire(new URL(`../${dir}/package.json`, import.meta.url))
  return async name => {
    let path
    try {
      path = require.resolve(name)
    } catch (e) {
      throw new Error(`${name} is not installed in tests/${dir} (run: npm ci --prefix tests/${dir}): ${e.message}`)
    }
    return import(pathToFileURL(path).href)
  }
}

export const fromInterop = from("interop")
export const fromE2e = from("e2e")
