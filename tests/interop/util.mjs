// Small helpers shared by the interop scripts: waiting on conditions with a deadline.

export async function waitFor(condition, ms, what) {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise(r => setTimeout(r, 20))
  }
}

export function withTimeout(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export function listening(wss) {
  return new Promise(resolve => {
    if (wss.address()) resolve(wss.address().port)
    else wss.on("listening", () => resolve(wss.address().port))
  })
}
