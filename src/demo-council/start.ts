/**
 * Runs the demo council on its own: `tsx src/demo-council/start.ts`.
 * DEMO_COUNCIL_HOST and DEMO_COUNCIL_PORT override 127.0.0.1:4010.
 */
import { startDemoCouncil } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.DEMO_COUNCIL_PORT ?? 4010);
  const council = await startDemoCouncil({ host: process.env.DEMO_COUNCIL_HOST ?? '127.0.0.1', port });
  console.log(`Demo council listening on ${council.url}`);
  console.log(`  addresses: ${council.url}/search/places/v1/postcode?postcode=AB1%202CD&key=demo-key`);
  console.log(`  bins:      ${council.url}/waste/100090000002/calendar.ics`);
  console.log(`  bins (UKBinCollectionData shape, Demo Valley): ${council.url}/ukbcd/api/bin_collection/DemoValleyDistrictCouncil?postcode=DV1%201AA&house_number=1&url=x`);
  const stop = () => {
    council.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Demo council could not start: ${(error as Error).message}`);
  process.exit(1);
});
