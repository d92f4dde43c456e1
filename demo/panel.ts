// The demo's side panel: what the mock of Vitec received last, a switch for its error modes, and what the relay keeps
// in its outbox meanwhile (from /healthz), so that a lead queued while the mock is down is seen to arrive.
import type { ReceivedLead } from '../src/server/mock/mock-vitec.ts';

const MOCK = '/__vitec/__mock';

// The same panel on every demo page: its markup here, once.
document.querySelector('aside.panel')!.innerHTML = `
<h2 id="panel-heading">Mock of Vitec</h2>
<p>The forms post to the relay on this port, which holds made-up credentials and forwards to this mock.</p>
<label for="mode">Answer the next leads with</label>
<select id="mode">
  <option value="">200, a new lead (normal)</option>
  <option
    value='{"status":400,"body":{"Message":"The request is invalid.","ModelState":{"lead.Person.LastName":["Efternamnet kunde inte tas emot."]}}}'
  >
    400, an error on the last name
  </option>
  <option value='{"status":503}'>503, Vitec down (the relay keeps the lead and answers 202)</option>
  <option value='{"status":401}'>401, wrong credentials (the relay keeps the lead)</option>
  <option value='{"status":403}'>403, customer id not allowed (the relay keeps the lead)</option>
  <option value='{"status":429}'>429, too many requests (the relay keeps the lead)</option>
  <option value='{"status":500}'>500, Vitec error (the relay keeps the lead)</option>
  <option value='{"delayMs":12000}'>
    12 s delay (the relay keeps the lead at 9 s; the late answer delivers it)
  </option>
  <option value='{"drop":true}'>drop the connection (the relay keeps the lead)</option>
</select>
<p id="outbox" role="status">Nothing queued in the relay.</p>
<h3>Last lead received</h3>
<p id="count">No leads yet.</p>
<pre id="last" tabindex="0" aria-label="Last lead as JSON"></pre>
<button type="button" id="clear">Forget all leads</button>
`;

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
