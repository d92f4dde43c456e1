// The demo's side panel: what the mock of Vitec received last, and a switch for its error modes.
import type { ReceivedLead } from '../src/server/mock/mock-vitec.ts';

const MOCK = '/__vitec/__mock';
const count = document.querySelector<HTMLElement>('#count')!;
const last = document.querySelector<HTMLElement>('#last')!;
const mode = document.querySelector<HTMLSelectElement>('#mode')!;

async function refresh(): Promise<void> {
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
