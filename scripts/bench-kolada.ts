// Benchmark: fetch 290 kommuner × 10 years of one KPI from the fake Kolada server (the
// client's paging, parsing and throttle; no internet). Run: npm run bench:kolada.
import { performance } from 'node:perf_hooks';
import { KoladaClient } from '@/server/kolada-client';
import { startFakeKolada, smallFixture } from '../tests/support/fake-kolada';
import { allKommuner, largeData } from '../tests/support/kolada-fixtures';

const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);

async function main() {
  const fake = await startFakeKolada({ data: { ...smallFixture(), municipalities: allKommuner(), data: largeData('N00090', YEARS) } });
  try {
    for (const pageSize of [5000, 500]) {
      fake.pageSize = pageSize;
      const runs: number[] = [];
      let rows = 0;
      let requests = 0;
      for (let i = 0; i < 5; i++) {
        const client = new KoladaClient({ baseUrl: fake.url }); // the production throttle: 250 ms between requests
        const start = performance.now();
        rows = (await client.dataForYears(['N00090'], YEARS)).length;
        runs.push(performance.now() - start);
        requests = client.requests;
      }
      runs.sort((a, b) => a - b);
      console.log(
        `per page ${pageSize}: ${rows} rows in ${requests} requests; median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)})`,
      );
    }
  } finally {
    await fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
