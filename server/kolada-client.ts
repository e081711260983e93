// The Kolada API v3 client (server-side): base URL from KOLADA_BASE_URL (default
// https://api.kolada.se/v3), pages followed through next_url with per_page 5000, at most 25
// ids per call, a few requests per second, and retries with backoff on 429 (honouring
// Retry-After), 5xx and network failures. Every failure ends in a KoladaError whose
// message is a Swedish sentence for the admin.
import 'server-only';
import { z } from '@/lib/zod';
import {
  chunkIds,
  dataRowSchema,
  kpiSchema,
  MAX_PER_PAGE,
  municipalityGroupSchema,
  municipalitySchema,
  pageSchema,
  type KoladaDataRow,
  type KoladaKpi,
  type KoladaMunicipality,
  type KoladaMunicipalityGroup,
} from '@/lib/kolada-response';
import { backoffMs, DEFAULT_RETRY, isRetryableStatus, retryAfterMs, type RetryPolicy } from '@/lib/kolada-retry';

export const DEFAULT_KOLADA_BASE_URL = 'https://api.kolada.se/v3';

export class KoladaError extends Error {
  constructor(readonly userMessage: string, options?: { cause?: unknown }) {
    super(`kolada: ${userMessage}`, options);
    this.name = 'KoladaError';
  }
}

export interface KoladaClientOptions {
  baseUrl?: string;
  retry?: RetryPolicy;
  /** Smallest gap between two requests (default 250 ms: four per second). */
  minIntervalMs?: number;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function koladaBaseUrl(): string {
  return (process.env.KOLADA_BASE_URL || DEFAULT_KOLADA_BASE_URL).replace(/\/+$/, '');
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class KoladaClient {
  readonly baseUrl: string;
  /** Requests sent (retries included), for the fetch log and the benchmark. */
  requests = 0;
  private readonly retry: RetryPolicy;
  private readonly minIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private nextSlot = 0;

  constructor(options: KoladaClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? koladaBaseUrl()).replace(/\/+$/, '');
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.minIntervalMs = options.minIntervalMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Waits for this request's slot: requests leave at most one per minIntervalMs. */
  private async throttle(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.minIntervalMs;
    if (slot > now) await this.sleep(slot - now);
  }

  /** One GET with retries; the parsed JSON body. */
  private async getJson(url: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      await this.throttle();
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        if (attempt < this.retry.attempts) {
          await this.sleep(backoffMs(attempt, this.retry, null));
          continue;
        }
        throw new KoladaError('Kolada kunde inte nås. Kontrollera nätverket och försök igen senare; inget har ändrats.', { cause: error });
      }
      if (response.ok) {
        try {
          return await response.json();
        } catch (error) {
          throw new KoladaError('Kolada svarade med något som inte gick att läsa; inget har ändrats.', { cause: error });
        }
      }
      await response.body?.cancel();
      if (isRetryableStatus(response.status) && attempt < this.retry.attempts) {
        await this.sleep(backoffMs(attempt, this.retry, retryAfterMs(response.headers.get('retry-after'), Date.now())));
        continue;
      }
      if (response.status === 429) {
        throw new KoladaError('Kolada tar inte emot fler frågor just nu. Försök igen om en stund; inget har ändrats.');
      }
      if (response.status >= 500) {
        throw new KoladaError(`Kolada svarar inte som det ska (fel ${response.status}). Försök igen senare; inget har ändrats.`);
      }
      if (response.status === 404) throw new KoladaError('Kolada känner inte till det som efterfrågades (fel 404).');
      throw new KoladaError(`Kolada avböjde frågan (fel ${response.status}).`);
    }
  }

  /** Every row of a list, following next_url until it is null. */
  private async list<T extends z.ZodType>(path: string, row: T, params: Record<string, string> = {}): Promise<z.output<T>[]> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set('per_page', String(MAX_PER_PAGE));
    const schema = pageSchema(row);
    const out: z.output<T>[] = [];
    const seen = new Set<string>();
    for (let next: string | null = url.toString(); next; ) {
      if (seen.has(next)) throw new KoladaError('Kolada skickade samma sida två gånger; hämtningen avbröts och inget har ändrats.');
      seen.add(next);
      const parsed = schema.safeParse(await this.getJson(next));
      if (!parsed.success) {
        throw new KoladaError('Kolada svarade i ett format som Målbild inte känner igen; inget har ändrats.', { cause: parsed.error });
      }
      out.push(...(parsed.data.values as z.output<T>[]));
      next = parsed.data.next_url ? new URL(parsed.data.next_url, url).toString() : null;
    }
    return out;
  }

  searchKpis(title: string): Promise<KoladaKpi[]> {
    return this.list('/kpi', kpiSchema, { title });
  }

  async kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
    const out: KoladaKpi[] = [];
    for (const chunk of chunkIds(ids)) out.push(...(await this.list(`/kpi/${chunk.map(encodeURIComponent).join(',')}`, kpiSchema)));
    return out;
  }

  municipalities(): Promise<KoladaMunicipality[]> {
    return this.list('/municipality', municipalitySchema);
  }

  municipalityGroups(title?: string): Promise<KoladaMunicipalityGroup[]> {
    return this.list('/municipality_groups', municipalityGroupSchema, title ? { title } : {});
  }

  /** Values of the KPIs for every municipality in the years (≤ 25 KPIs and years per call). */
  async dataForYears(kpiIds: readonly string[], years: readonly number[]): Promise<KoladaDataRow[]> {
    const out: KoladaDataRow[] = [];
    for (const kpis of chunkIds([...new Set(kpiIds)])) {
      for (const ys of chunkIds([...new Set(years)].sort())) {
        out.push(...(await this.list(`/data/kpi/${kpis.map(encodeURIComponent).join(',')}/year/${ys.join(',')}`, dataRowSchema)));
      }
    }
    return out;
  }
}
