// A fake Kolada API v3 on 127.0.0.1 for tests (there is no internet in tests or CI). It
// serves the documented shapes — `{ values, count, next_url, previous_url }`, paged by
// per_page (capped by `pageSize` here, so that tests can force several pages) — for
// /municipality, /municipality_groups, /kpi, /kpi/{ids}, /kpi?title= and
// /data/kpi/{kpis}/year/{years}. `failNext(status, times)` answers the next requests with a
// 429 (with Retry-After) or a 5xx; `down()` closes connections unanswered; `slow(ms)`
// answers each request that much later. Every request path is logged in `requests`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KoladaDataRow, KoladaMunicipality } from '@/lib/kolada-response';
import { KPIS, OREBRO_LAN, REGIONS, smallData } from './kolada-fixtures';

export interface FakeKoladaData {
  municipalities: KoladaMunicipality[];
  kpis: { id: string; title: string; description: string }[];
  data: KoladaDataRow[];
  groups: { id: string; title: string; members: { id: string; title: string }[] }[];
}

export function smallFixture(): FakeKoladaData {
  return {
    municipalities: [...REGIONS, ...OREBRO_LAN],
    kpis: KPIS,
    data: smallData(),
    groups: [
      {
        id: 'G99001',
        title: 'Liknande kommuner, arbetsmarknad (testdata)',
        members: ['1860', '1862', '1863', '1864'].map((id) => ({ id, title: OREBRO_LAN.find((m) => m.id === id)!.title })),
      },
    ],
  };
}

export interface FakeKolada {
  url: string; // the base URL, ".../v3"
  requests: string[];
  data: FakeKoladaData;
  pageSize: number;
  failNext(status: number, times?: number, retryAfterSeconds?: number): void;
  down(on?: boolean): void;
  /** Answers every request `ms` later (0: at once). */
  slow(ms: number): void;
  /** Answers every request after the next `okCount` with `status` (null: stop). */
  failAfter(okCount: number | null, status?: number): void;
  close(): Promise<void>;
}

export async function startFakeKolada(options: { port?: number; data?: FakeKoladaData; pageSize?: number } = {}): Promise<FakeKolada> {
  let failures: { status: number; retryAfter: number }[] = [];
  let isDown = false;
  let delayMs = 0;
  let failFrom: { index: number; status: number } | null = null;
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeKolada = {
    url: '',
    requests: [],
    data: options.data ?? smallFixture(),
    pageSize: options.pageSize ?? 5000,
    failNext(status, times = 1, retryAfterSeconds = 0) {
      failures = Array.from({ length: times }, () => ({ status, retryAfter: retryAfterSeconds }));
    },
    down(on = true) {
      isDown = on;
    },
    slow(ms) {
      delayMs = ms;
    },
    failAfter(okCount, status = 500) {
      failFrom = okCount === null ? null : { index: fake.requests.length + okCount, status };
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  function page(res: http.ServerResponse, url: URL, rows: unknown[]) {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 5000) || 5000, 5000, fake.pageSize);
    const pageNo = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const slice = rows.slice((pageNo - 1) * perPage, pageNo * perPage);
    const link = (n: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    const body = {
      values: slice,
      count: slice.length,
      next_url: pageNo * perPage < rows.length ? link(pageNo + 1) : null,
      previous_url: pageNo > 1 ? link(pageNo - 1) : null,
    };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  const server = http.createServer((req, res) => {
    if (delayMs) setTimeout(() => answer(req, res), delayMs);
    else answer(req, res);
  });
  function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', fake.url.replace(/\/v3$/, ''));
    fake.requests.push(url.pathname + url.search);
    if (isDown) {
      req.socket.destroy();
      return;
    }
    const failure = failures.shift() ?? (failFrom && fake.requests.length > failFrom.index ? { status: failFrom.status, retryAfter: 0 } : undefined);
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...(failure.status === 429 ? { 'retry-after': String(failure.retryAfter) } : {}) });
      res.end(JSON.stringify({ error: failure.status === 429 ? 'Too Many Requests' : 'Internal Server Error' }));
      return;
    }
    const parts = url.pathname.replace(/^\/v3\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    const title = url.searchParams.get('title')?.toLowerCase();
    const d = fake.data;
    if (parts[0] === 'municipality' && parts.length === 1) {
      return page(res, url, d.municipalities.filter((m) => !title || m.title.toLowerCase().includes(title)));
    }
    if (parts[0] === 'municipality_groups' && parts.length === 1) {
      return page(res, url, d.groups.filter((g) => !title || g.title.toLowerCase().includes(title)));
    }
    if (parts[0] === 'kpi' && parts.length === 1) {
      return page(res, url, d.kpis.filter((k) => !title || k.title.toLowerCase().includes(title)));
    }
    if (parts[0] === 'kpi' && parts.length === 2) {
      const ids = parts[1]!.split(',');
      return page(res, url, d.kpis.filter((k) => ids.includes(k.id)));
    }
    if (parts[0] === 'data' && parts[1] === 'kpi' && parts[3] === 'year' && parts.length === 5) {
      const kpis = parts[2]!.split(',');
      const years = parts[4]!.split(',').map(Number);
      if (kpis.length > 25 || years.length > 25) {
        res.writeHead(400, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: 'Too many ids' }));
      }
      return page(res, url, d.data.filter((r) => kpis.includes(r.kpi) && years.includes(r.period)));
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Not found' }));
  }
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  // It never keeps a test process alive on its own (tests close it; a shared one just ends).
  server.unref();
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
  return fake;
}
