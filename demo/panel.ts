// The demo's side panel: what the mock of Vitec received last, a switch for its error modes, and what the relay keeps
// in its outbox meanwhile (from /healthz), so that a lead queued while the mock is down is seen to arrive.
import type { ReceivedLead } from '../src/server/mock/mock-vitec.ts';

const MOCK = '/__vitec/__mock';
const count = document.querySelector<HTMLElement>('#count')!;
const last = document.querySelector<HTMLElement>('#last')!;
const mode = document.querySelector<HTMLSelectElement>('#mode')!;
const outbox = document.querySelector<HTMLElement>('#outbox')!;
let queued = 0;

async function refresh(): Promise<void> {
  const health = (await (await fetch('/healthz')).json()) as { outbox?: { depth: number; oldestSeconds: number } };
  const depth = health.outbox?.depth ?? 0;
  if (depth !== queued)
    outbox.textContent = depth
      ? `${depth} lead(s) queued in the relay (oldest ${health.outbox!.oldestSeconds} s): switch the mock back to deliver them.`
      : 'Nothing queued in the relay.';
  queued = depth;
  const { leads } = (await (await fetch(`${MOCK}/leads`)).json()) as { leads: ReceivedLead[] };
  const newest = leads.at(-1);
  count.textContent = leads.length ? `${leads.length} lead(s) received. Newest id: ${newest!.id}` : 'No leads yet.';
  last.textContent = newest ? JSON.stringify(newest, null, 2) : '';
}

mode.addEventListener('change', async () => {
  await fetch(
    `${MOCK}/mode`,
    mode.value
      ? { method: 'PUT', headers: { 'content-type': 'application/json' }, body: mode.value }
      : { method: 'DELETE' },
  );
});

document.querySelector('#clear')!.addEventListener('click', async () => {
  await fetch(`${MOCK}/leads`, { method: 'DELETE' });
  await refresh();
});

for (const type of ['vitec-lead-form-success', 'vitec-lead-form-error'] as const)
  document.addEventListener(type, () => void refresh());
await fetch(`${MOCK}/mode`, { method: 'DELETE' });
await refresh();
// While the relay keeps leads, the panel looks every 2 s for them to arrive.
setInterval(() => void (queued && refresh()), 2_000);
