// Offline copy of the page: the service worker of one build (registered as sw.js?build=<id>).
// install: cache every file manifest.json lists (the whole page, Pyodide included);
// fetch: network first (a rebuilt site is never served stale), the cache when the network fails;
// activate: drop the caches of other builds. Same-origin GET requests only; nothing else is touched.
const BUILD = new URL(self.location.href).searchParams.get("build") || "dev";
const CACHE = `llm-infra-page-${BUILD}`;
const SCOPE = new URL("./", self.location.href);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const res = await fetch(new URL("manifest.json", SCOPE), { cache: "no-cache" });
    if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
    const manifest = await res.json();
    const cache = await caches.open(CACHE);
    await cache.addAll(manifest.files.map((f) => new URL(f, SCOPE).href));
    await cache.put(new URL("manifest.json", SCOPE).href, new Response(JSON.stringify(manifest), {
      headers: { "Content-Type": "application/json" },
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("llm-infra-page-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      return await fetch(req);
    } catch (err) {
      const cache = await caches.open(CACHE);
      const hit = (await cache.match(req)) || (req.mode === "navigate" ? await cache.match(SCOPE.href) : undefined);
      if (hit) return hit;
      throw err;
    }
  })());
});
