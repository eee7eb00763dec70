// Rådslag's service worker: keeps the app's own files (index.html, the wasm, its JS glue, the
// styles) on the device so the app opens with no network at all. The council's data is in
// IndexedDB already; this only makes the page itself load when the server can't be reached.
//
// - The page (index.html): from the network when it answers within a few seconds, so a new
//   release is picked up; otherwise from the copy kept here (bad Wi-Fi must not mean a blank page).
// - Files with a content hash in their name never change: from the copy here, else fetched once.
// - Whenever a fresh index.html arrives (and at install), the files it names are fetched and
//   kept, and copies of files it no longer names are dropped (old releases).
// - The sync socket and anything not ours pass straight through.

const CACHE = "radslag-app";
const PAGE = "./";
const PAGE_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch(PAGE, { cache: "no-cache" });
      if (page.ok) await remember(cache, page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

function isHashed(url) {
  return /-[0-9a-f]{8,}(_bg)?\.(wasm|js|css)$/.test(url.pathname);
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

const HASHED_NAME = /[\w.-]+-[0-9a-f]{8,}(?:_bg)?\.(?:wasm|js|css)/g;

/** Keeps `page` as the app's page, fetches the hashed files it names that are not kept yet,
 *  and drops kept hashed files it no longer names. */
async function remember(cache, page) {
  const html = await page.clone().text();
  const names = new Set(html.match(HASHED_NAME) ?? []);
  const scope = self.registration.scope;
  const missing = [];
  for (const name of names) {
    const url = new URL(name, scope).href;
    if (!(await cache.match(url))) missing.push(url);
  }
  await cache.addAll(missing);
  await cache.put(PAGE, page);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (isHashed(url) && !names.has(url.pathname.split("/").pop())) await cache.delete(request);
  }
}

async function pageResponse(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await remember(cache, response.clone());
    return response;
  });
  try {
    return await withTimeout(network, PAGE_TIMEOUT_MS);
  } catch {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    return network;
  }
}

async function hashedResponse(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function otherResponse(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith("/sync") || url.pathname.endsWith("/healthz")) return;
  if (request.mode === "navigate") {
    event.respondWith(pageResponse(request));
  } else if (isHashed(url)) {
    event.respondWith(hashedResponse(request));
  } else {
    event.respondWith(otherResponse(request));
  }
});
